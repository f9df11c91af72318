"""Parts and their merge: the same Parquet file whatever the parts' format and batching."""

from __future__ import annotations

import pandas as pd

from discourse_workbook.pipeline.store import merge_parts, write_part


def batches() -> list[pd.DataFrame]:
    """Three batches of one table: a list column, a column empty in some batches."""
    return [
        pd.DataFrame({"doc_id": ["a", "b"], "removed": [["x"], []], "title": [None, None],
                      "n": [1, 2]}),
        pd.DataFrame({"doc_id": ["c"], "removed": [[]], "title": [None], "n": [3]}),
        pd.DataFrame({"doc_id": ["d", "e"], "removed": [["y", "z"], []], "title": ["T", None],
                      "n": [4, 5]}),
    ]  # fmt: skip


def merged(folder, frames: list[pd.DataFrame], suffix: str) -> bytes:
    parts = [folder / f"part-{i:06d}{suffix}" for i in range(len(frames))]
    for frame, part in zip(frames, parts, strict=True):
        write_part(frame, part)
    target = folder / "table.parquet"
    assert merge_parts(parts, target) == sum(map(len, frames))
    return target.read_bytes()


def test_arrow_and_parquet_parts_merge_to_the_same_bytes(tmp_path):
    files = {}
    for suffix in (".arrow", ".parquet"):
        (tmp_path / suffix[1:]).mkdir()
        files[suffix] = merged(tmp_path / suffix[1:], batches(), suffix)
    assert files[".arrow"] == files[".parquet"]


def test_merged_table_holds_the_batches_in_order(tmp_path):
    merged(tmp_path, batches(), ".arrow")
    back = pd.read_parquet(tmp_path / "table.parquet")
    assert back["doc_id"].tolist() == list("abcde")
    assert back["n"].tolist() == [1, 2, 3, 4, 5]
    assert [list(r) for r in back["removed"]] == [["x"], [], [], ["y", "z"], []]
    assert back["title"].tolist()[3] == "T" and back["title"].isna().sum() == 4
