"""Accelerators: each computes what a plain method computes, faster, and is proved equal
to it by the tests in ``tests/fast/``.

- :mod:`.punkt`: Punkt's sentence breaks over a whole document (reference: NLTK's
  ``PunktSentenceTokenizer`` with the abbreviation list);
- :mod:`.tokens`: the word pattern written for speed, and token counts by array
  operations (reference: the plain pattern :data:`discourse_workbook.segment.WORD`);
- :mod:`.terms`: term counts merged and ordered with numpy (reference:
  :func:`.terms.count_terms_plainly`);
- :mod:`.vader`: VADER's scores in time linear in the sentence (reference:
  vaderSentiment's ``SentimentIntensityAnalyzer``);
- :mod:`.groups`: sentiment statistics per group by array operations (reference:
  :func:`.groups.group_statistics_plainly`, a pandas group-by).

The stage modules call these; nothing else needs to.
"""
