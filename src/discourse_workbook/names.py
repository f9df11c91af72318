"""Names a document introduces: the people (and organisations) it names whether or not the
actor lexicon lists them, and the judgement of the lexicon's metonyms in context.

A run of capitalised words is a person's name when the text introduces it as one; each
name found records the rule that found it:

- ``title``: after a person's title ("Foreign Minister Annalena Baerbock", "Ms Baerbock",
  "the spokeswoman Maria Zakharova");
- ``first-name``: it starts with a known first name or initials ("Saddam Hussein",
  "H. G. Wells"); first names come from the ``gender-guesser`` package's list;
- ``apposition``: beside a role ("Gitanas Nausėda, Lithuania's president");
- ``reporting-verb``: a full name as the subject or object of a reporting verb ("…, said
  Ivan Sidorov", "according to Ivan Sidorov");
- ``recurring-surname``: two words rare in English, inside a sentence, whose last word
  stands alone elsewhere in the document as a person's ("Lleyton Hewitt's loss" then
  "Hewitt's defeat", "Hewitt said", "Mr Hewitt"): a first name the list lacks;
- ``nickname``: a nickname in quotation marks between the parts of a name ("Lee “Faker”
  Sang-hyeok", "Earvin "Magic" Johnson"); the person is the name without it, and a
  heading in title case or a body's name with a scare-quoted word inside ("the “Special
  Military Operation” Command") is none;
- ``organisation``: a run ending in an organisation's head noun ("USA Freedom Corps",
  "Interstate Commerce Commission").

Within a document, later mentions of the full name (``repeat``), of the surname alone or
after a title ("Baerbock", "Ms Baerbock": ``surname-link``) and of the nickname alone or
before the surname ("Faker", "Magic Johnson": ``nickname-link``) count for the same person;
a name is never linked across documents. The lexicon wins where it has the name, with
judgement for the names of states: a capital or country name after a person's title or
first name ("President Washington", "George Washington") or in a person's context ("the
tomb of Washington", "Washington's birthday": ``person-context``) is a person; a state's
name that begins a longer proper name ("USA Freedom Corps", "Washington Territory") is not
the state; a capital in a list of cities ("in Madrid, London and Paris") is a place.

Capitalised sentence starts, months, days, titles alone and institutions are not persons.
Every pattern here is tried only where a capitalised run of two words or more (or a quoted
nickname) stands, so a document is read once.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import regex

if TYPE_CHECKING:
    from .actors import Lexicon, Mention

def _word_set(text: str) -> frozenset[str]:
    """The words of a text block, as a set (lists below are kept as readable blocks)."""
    return frozenset(text.split())


REPORTING_VERBS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes",
    "wrote", "writing", "explain", "explains", "explained", "explaining", "predict",
    "predicts", "predicted", "add", "adds", "added", "note", "notes", "noted", "insist",
    "insists", "insisted", "declare", "declares", "declared", "stated", "states", "stress",
    "stresses", "stressed", "emphasise", "emphasises", "emphasised", "emphasize",
    "emphasizes", "emphasized", "warn", "warns", "warned", "argue", "argues", "argued",
    "claim", "claims", "claimed", "ask", "asks", "asked", "reply", "replies", "replied",
    "answer", "answers", "answered", "comment", "comments", "commented", "remark", "remarks",
    "remarked", "recall", "recalls", "recalled", "underline", "underlines", "underlined",
    "specify", "specifies", "specified", "conclude", "concludes", "concluded", "announce",
    "announces", "announced", "assert", "asserts", "asserted", "observe", "observes",
    "observed", "suggest", "suggests", "suggested", "acknowledge", "acknowledges",
    "acknowledged", "admit", "admits", "admitted", "continue", "continues", "continued",
    "read", "reads", "according", "quipped", "joked", "tweeted", "posted", "indicated",
    "indicates", "confirmed", "confirms", "denied", "denies", "urged", "urges", "vowed",
    "vows", "pledged", "promised", "promises", "demanded", "demands", "called", "calls",
    "described", "describes", "labelled", "labeled", "dubbed", "termed", "branded",
    "welcomed", "welcomes", "condemned", "condemns", "criticised", "criticized",
    "accused", "accuses", "cautioned", "insisting", "adding", "noting", "warning",
    "quoted", "quoting", "quotes", "paraphrase", "paraphrased", "paraphrasing", "cited",
    "cites", "citing", "recited", "proclaimed", "proclaims", "exclaimed", "cried",
    "shouted", "whispered", "responded", "responds", "countered", "retorted", "believes",
    "believed", "thinks", "thought", "feels", "felt", "hopes", "hoped", "agreed", "agrees",
    "spoke", "speaks", "spoken", "maintained", "maintains", "mused", "reflected",
    "reported", "reports", "testified", "briefed", "predicting", "calling", "describing",
    "interjected", "interrupted", "pressed", "objected", "protested", "conceded", "snapped",
    "repeated", "reiterated", "boasted", "complained", "lamented", "wondered", "questioned",
    "recounted", "remembered", "estimated", "forecast", "confided", "advised", "pleaded",
    "begged", "yelled", "muttered", "grumbled", "sighed", "asking", "arguing", "stressing",
    "claiming", "declaring", "announcing", "responding", "replying", "answering", "recalling",
    "suggesting", "acknowledging", "admitting", "cautioning", "urging", "vowing", "promising",
    "demanding", "texted", "emailed", "messaged", "captioned", "commenting", "concluding",
    "quip", "quips", "accusing", "branding", "labelling", "labeling", "condemning",
    "criticising", "criticizing", "denouncing", "denounced", "dismissing", "dismissed",
})  # fmt: skip
# Verbs that report speech or judgement more loosely than "say": a quotation after them is
# speech only when it is a fragment of a sentence whose subject is named ("X called it "…"").
EVALUATION_VERBS = frozenset({
    "called", "calls", "calling", "described", "describes", "describing", "labelled",
    "labeled", "dubbed", "termed", "branded", "welcomed", "welcomes", "condemned",
    "condemns", "criticised", "criticized", "accused", "accuses", "believes", "believed",
    "thinks", "thought", "feels", "felt", "hopes", "hoped", "agreed", "agrees", "accusing",
    "branding", "labelling", "labeling", "condemning", "criticising", "criticizing",
    "denouncing", "denounced", "dismissing", "dismissed",
})  # fmt: skip

FUNCTION_WORDS = _word_set("""
a an the and or but nor so yet for if then than that this these those there here when where
while whereas whether which who whom whose what why how as at by in into of off on onto out
over to up upon with within without from after before about above across against along
among around behind below beneath beside besides between beyond during except inside like
near since through throughout toward towards under until unless although though because once
i we you he she it they me us him her them my our your his its their mine ours yours theirs
myself ourselves yourself himself herself itself themselves is are was were be been being am
do does did have has had will would shall should may might must can could not no yes all any
some each every many much more most few several such both either neither other another same
own only also even just still now today tonight yesterday tomorrow however moreover meanwhile
therefore thus hence indeed instead perhaps later earlier finally again already always never
often sometimes soon first second third last next let dear please thank thanks oh well
whatever whoever wherever whenever nevertheless nonetheless furthermore otherwise accordingly
consequently surely certainly clearly obviously unfortunately fortunately evidently
apparently rather quite very too almost nearly yes amen hello goodbye ah alas behold lo
""")
CALENDAR = _word_set("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday christmas easter thanksgiving
""")
# Head nouns of an organisation's name ("… Commission", "Department of …").
ORG_HEADS = _word_set("""
ministry department office council committee commission agency bureau service services corps
institute institution university college school academy foundation company corporation corp
inc ltd llc bank fund association society league party alliance organization organisation
group board authority court tribunal parliament assembly senate congress administration
government cabinet army navy forces guard police times post herald journal tribune gazette
press network embassy church pact federation confederation coalition movement brigade
regiment command club union chamber secretariat directorate laboratory trust exchange motors
airlines railways railroad commonwealth legislature synod survey
""")
# Words that end the names of places, events, laws and things, never of a person.
THING_HEADS = _word_set("""
river rivers lake lakes mountain mountains mount sea seas ocean gulf bay islands island isles
isle territory territories city county province region district street avenue square park
canal coast valley falls peninsula strait straits monument memorial wall war wars act acts
bill treaty agreement accord accords doctrine plan program programme amendment declaration
proclamation address message conference summit round day days prize award cup games
revolution era age code order exposition fair station airport port harbor harbour bridge
road highway line building hall museum library hospital cathedral temple mosque palace
castle fort hemisphere east west north south world empire kingdom republic republics states
nations nation initiative project report law laws charter statute statutes rights security
insurance reform budget tax trade policy system crisis depression recovery deal dream forest
desert basin plains point cape creek springs heights hills reservation center centre zone
area front frontier border borders reserve reserves canyon capitol constitution union
continent continents coalition schools colleges universities agencies departments offices
expedition exhibition commerce industry labor labour agriculture treasury interior justice
defense defence health education energy transportation housing veterans affairs commission
convention conventions seaway alley lane way drive boulevard trail tunnel dam channel gate
wood woods native awakening force
""")
# Capitalised words that are not part of a person's name.
NOT_NAMES = _word_set("""
god lord almighty providence heaven heavens creator christ's saviour savior fellow citizens
fellow-citizens countrymen friends ladies gentlemen members member people peoples country
countries nation nations americans government governments congress senate house houses
representatives state states federal national general central executive legislative
judicial supreme public private royal imperial grand great united new old first last
annual special regular foreign domestic civil military naval internal international
american english french british german spanish european asian african western eastern
northern southern honorable honourable excellency majesty highness sir madam dowager
chancellors presidents secretaries ministers senators governors generals
""")
# First words of place names that are also first names ("San Francisco", "Santa Fe",
# "Rio Grande", "Vera Cruz"): they never start a person's name found by its first name.
PLACE_PREFIXES = _word_set("""
San Santa Santo São Sao Santiago Rio Río El Los Las La Del Sierra Costa Porto Puerto Buenos
Bahia Punta Ciudad Villa Vera Nueva Nuevo Port Fort Mount Mt. St. Saint Cape Lake Isla Monte
Mont Bay Red White Black Green
""")
# Abbreviations that end no sentence inside a name ("St. Lawrence", "Martin Luther King Jr.").
_ABBREVIATIONS = frozenset({"St.", "Mt.", "Ft.", "Jr.", "Sr.", "Co.", "Inc.", "Bros.", "No."})

# Titles that may stand before a person's name, capitalised as in running text. Titles of the
# lexicon are added to these.
TITLES = frozenset({
    "President", "Vice President", "Vice-President", "President-elect", "President-Elect",
    "Prime Minister", "Deputy Prime Minister", "Premier", "Chancellor", "Vice Chancellor",
    "Minister", "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Interior Minister", "Deputy Minister", "Deputy Foreign Minister", "Secretary",
    "Secretary of State", "Secretary-General", "Secretary General", "Under Secretary",
    "Assistant Secretary", "Defense Secretary", "Defence Secretary", "Foreign Secretary",
    "Home Secretary", "Treasury Secretary", "Press Secretary", "Attorney General",
    "Attorney-General", "Solicitor General", "Postmaster General", "Postmaster-General",
    "Surgeon General", "Ambassador", "Envoy", "Special Envoy", "Consul", "General", "Gen.",
    "Lieutenant", "Lt.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.", "Commander",
    "Admiral", "Adm.", "Sergeant", "Sgt.", "Corporal", "Marshal", "Field Marshal",
    "Brigadier", "Commodore", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mme",
    "Mme.", "Madame", "Madam", "Mister", "Dr", "Dr.", "Doctor", "Professor", "Prof.", "Sir",
    "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Crown Prince", "Emperor",
    "Empress", "Tsar", "Czar", "Sultan", "Emir", "Sheikh", "Shaikh", "Ayatollah",
    "Grand Ayatollah", "Supreme Leader", "Pope", "Cardinal", "Archbishop", "Bishop",
    "Reverend", "Rev.", "Rev", "Father", "Rabbi", "Imam", "Pastor", "Senator", "Sen.",
    "Representative", "Rep.", "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor",
    "Judge", "Justice", "Chief Justice", "Speaker", "Chairman", "Chairwoman", "Chair",
    "Chairperson", "Commissioner", "Director", "Director-General", "Dean", "Councillor",
    "Sheriff", "Inspector", "Detective", "Spokesman", "Spokeswoman", "Spokesperson",
    "First Lady", "Hon.", "Honorable", "Honourable", "Baron", "Baroness", "Count",
    "Countess", "Duke", "Duchess", "Earl", "Marquis", "Viscount", "Chief", "Deputy",
    "Leader", "Poet", "Major General", "Major-General", "Lieutenant General",
    "Lieutenant-General", "Brigadier General", "Brigadier-General", "Rear Admiral",
    "Rear-Admiral", "Vice Admiral", "Vice-Admiral", "Lieutenant Colonel",
    "Lieutenant-Colonel", "Lieutenant Commander", "Staff Sergeant", "Master Sergeant",
    "Sergeant Major", "Private", "Pvt.", "Specialist", "Agent", "Special Agent", "Officer",
    "Trooper", "Firefighter", "Nurse", "Mother", "Sister", "Brother", "Ensign", "Friar",
})  # fmt: skip
# Titles that are also ordinary words ("General Motors", "Major League"): a single word
# after one must be a known first name, an initial, or a name the document uses elsewhere.
AMBIGUOUS_TITLES = frozenset({
    "General", "Major", "Chief", "Justice", "Director", "Deputy", "Father", "Doctor",
    "Count", "Leader", "Poet", "Speaker", "Chair", "Judge", "Dean", "Marshal", "Envoy",
    "Consul", "Inspector", "Detective", "Representative", "Secretary", "Commander", "Minister",
    "Governor", "Commissioner", "King", "Queen", "Prince", "Princess", "Emperor", "Lord",
    "Lady", "Chairman", "Private", "Specialist", "Agent", "Officer", "Nurse", "Mother",
    "Sister", "Brother",
})  # fmt: skip
MALE_TITLES = frozenset({
    "mr", "mr.", "mister", "sir", "lord", "king", "prince", "crown prince", "emperor", "tsar",
    "czar", "sultan", "emir", "father", "duke", "earl", "baron", "count", "marquis",
    "viscount", "spokesman", "chairman", "congressman", "pope", "cardinal", "rabbi", "imam",
    "sheikh", "shaikh", "ayatollah", "grand ayatollah", "businessman", "councilman",
})  # fmt: skip
FEMALE_TITLES = frozenset({
    "mrs", "mrs.", "ms", "ms.", "miss", "mme", "mme.", "madame", "madam", "dame", "lady",
    "queen", "princess", "empress", "duchess", "countess", "baroness", "spokeswoman",
    "chairwoman", "congresswoman", "first lady", "businesswoman", "councilwoman", "sister",
})  # fmt: skip
# Roles that introduce a name in lower case ("the spokeswoman Maria Zakharova") or in
# apposition ("Gitanas Nausėda, Lithuania's president").
ROLES = _word_set("""
president vice-president minister secretary secretary-general chancellor premier leader head
chief spokesman spokeswoman spokesperson adviser advisor aide envoy ambassador diplomat
official officer commander general admiral governor mayor senator lawmaker legislator
congressman congresswoman representative deputy director chairman chairwoman chair founder
owner ceo executive economist analyst expert researcher scholar professor historian scientist
writer author poet novelist journalist correspondent editor reporter commentator columnist
lawyer attorney judge prosecutor activist campaigner organiser organizer student teacher
doctor nurse farmer worker resident mother father son daughter wife husband widow king queen
prince princess emperor pope bishop priest rabbi imam pastor coach player captain soldier
veteran colonel sergeant candidate nominee mp mep spokesperson negotiator mediator
counterpart successor predecessor rapporteur coordinator commissioner chairperson
""")
# Nouns that introduce an organisation's name in lower case ("the human rights group Amnesty
# International", "the broadcaster Al Jazeera").
ORG_NOUNS = _word_set("""
group organisation organization charity agency company firm party movement militia network
newspaper broadcaster channel magazine union airline university institute think-tank
thinktank watchdog ngo lobby federation association club team station website outlet
coalition alliance council committee body foundation bank insurer carrier operator
""")
CONNECTORS = frozenset({
    "of", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
    "van", "von", "der", "den", "ter", "zu", "y", "al", "bin", "ibn", "ben", "bint", "el",
    "abu", "for",
})  # fmt: skip
# A state's name followed by one of these ("United States Government", "U.S. Defence
# Secretary") is still the state; followed by another capitalised word, it begins another
# proper name ("USA Freedom Corps", "Washington Territory").
_STATE_PARTS = _word_set("""
government governments administration congress senate parliament army navy air marines
marine armed forces military treasury embassy consulate mission delegation officials
authorities people citizens navy-yard i
""")
# "the tomb of Washington", "Washington's birthday": a person, not the state.
_PERSON_NOUNS = (
    "tomb|grave|birthday|birthplace|statue|bust|portrait|widow|wife|son|daughter|"
    "descendants|farewell|signature|memoirs|biography|Farewell|Birthday"
)
# … and for a capital ("Washington's day", "the administration of Washington"), these too.
_METONYM_PERSON_NOUNS = _PERSON_NOUNS + "|presidency|administration|day|days|time|lifetime|death"
_LOCATIVE = _word_set("""
in at from to near via visit visits visited visiting across throughout cities capitals
towns including like such as between
""")

_SP = r"[ \t\u00a0\u202f]"
# A capitalised word with what may stand inside it: Nausėda, O’Neill, Jean-Claude, H., C.P.,
# Mr., Baerbock’s. Runs of two or more, with lower-case connectors inside ("Secretary of
# State"); the pattern has no look-behind, which makes it several times faster: a match
# that starts inside a word ("iPhone") is left out afterwards.
_WORD = r"\p{Lu}[\p{L}\p{M}'’.‐-]*"
_CONNECTOR = ("(?:of" + _SP + "+the|for" + _SP + "+the|" + "|".join(
    sorted(CONNECTORS - {"the"}, key=len, reverse=True)) + ")")
RUN = regex.compile(
    _WORD + _SP + r"+(?:" + _WORD + r"|" + _CONNECTOR + _SP + r"+" + _WORD + r")"
    r"(?:" + _SP + r"+(?:" + _WORD + r"|" + _CONNECTOR + _SP + r"+" + _WORD + r"))*"
)
_INSIDE_WORD = frozenset("'’.‐-")
_SKIPPED_FIRST = FUNCTION_WORDS | CALENDAR
_HEADS = THING_HEADS | ORG_HEADS
_DETERMINERS = frozenset({"her", "his", "their", "our", "my", "your", "its", "this", "that",
                          "these", "those"})
_NEVER_LAST = (THING_HEADS | NOT_NAMES | FUNCTION_WORDS | CALENDAR) - ORG_HEADS
_POSSESSIVE = regex.compile(r"['’]s?$")
_INITIAL = regex.compile(r"^(?:\p{Lu}\.)+$")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_VERBS = _alternation(REPORTING_VERBS)
_ROLES = _alternation(ROLES)
_VERB_AFTER = regex.compile(
    r"(?:,[^,;:\0\"“”]{1,120},)?" + _SP + r"+(?:\p{Ll}+ly" + _SP + r"+)?"
    r"(?:(?:has|had|have|was|is|also|then|later|once|again|would|will|reportedly)"
    + _SP + r"+){0,2}(?:" + _VERBS + r")(?![\p{L}\p{N}])"
)
_VERB_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:(?:" + _VERBS + r")|according" + _SP + r"+to)" + _SP + r"+$"
)
_APPOSITION_AFTER = regex.compile(
    r"," + _SP + r"+(?:\d{1,3}," + _SP + r"+)?(?:(?:the|a|an|his|her|its|their|our)"
    + _SP + r"+)?(?:[\p{L}.'’‐-]+" + _SP + r"+){0,4}?(?i:" + _ROLES + r")(?![\p{L}])"
)
_APPOSITION_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:" + _ROLES + r")(?:" + _SP + r"+(?:of|for|at|in|to)" + _SP
    + r"+[^,;:\0\"“”]{1,60})?,?" + _SP + r"+$"
)
_ROLE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:the" + _SP + r"+|a" + _SP + r"+|[\p{L}’']+['’]s" + _SP + r"+)?"
    r"(?:(?:" + _ROLES + r")|(?:" + _ROLES + r")" + _SP + r"+(?:of|for)" + _SP
    + r"+[^,;:\0]{1,40})" + _SP + r"+$"
)
def _person_of(nouns: str) -> regex.Pattern:
    return regex.compile(
        r"(?<![\p{L}])(?:" + nouns + r")" + _SP + r"+of" + _SP + r"+(?:the" + _SP
        + r"+)?(?:(?:late|great|immortal|illustrious)" + _SP + r"+)?$")


def _person_possessed(nouns: str) -> regex.Pattern:
    return regex.compile(
        r"['’]s?" + _SP + r"+(?:\p{Ll}+" + _SP + r"+)?(?:" + nouns + r")(?![\p{L}])")


_PERSON_OF = (_person_of(_PERSON_NOUNS), _person_of(_METONYM_PERSON_NOUNS))
_PERSON_POSSESSED = (_person_possessed(_PERSON_NOUNS),
                     _person_possessed(_METONYM_PERSON_NOUNS))
_NEXT_WORD = regex.compile(_SP + r"+(" + _WORD + r")")
_LIST_ITEM = r"\p{Lu}[\p{L}\p{M}.'’-]*(?:" + _SP + r"\p{Lu}[\p{L}\p{M}.'’-]*){0,2}"
_LIST_SEP = r"(?:," + _SP + r"*(?:(?:and|or)" + _SP + r"+)?|" + _SP + r"+(?:and|or)" + _SP + r"+)"
_LIST_BEFORE = regex.compile(r"(?:" + _LIST_ITEM + _LIST_SEP + r")+$")
_LIST_AFTER = regex.compile(r"(?:" + _LIST_SEP + _LIST_ITEM + r")+")
_LIST_ITEMS = regex.compile(_LIST_ITEM)
_WORD_BEFORE = regex.compile(r"([\p{L}]+)" + _SP + r"*$")
# Words after which two rare capitalised words are a place's or a thing's name rather
# than a person's ("in Kuala Lumpur", "the Aston Villa squad").
_NO_PERSON_AFTER = _word_set("""
the a an in at near via across throughout from into visit visits visited visiting
""")
_SENTENCE_OPENERS = frozenset(".!?:;\"“‘'([«—–\0\n")
# A nickname in quotation marks between the parts of a name (Lee “Faker” Sang-hyeok, Earvin
# "Magic" Johnson, Dwayne ‘The Rock’ Johnson): one to three words, each with a capital or a
# digit ("TheShy", "xPeke", "s1mple"), after a space (see :func:`_opening_marks`) and before
# a space and a capital. The words around it are read by :meth:`_Document.read_nicknames`.
_NICK_WORD = r"[\p{L}\p{N}]*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.-]*"
_NICKNAME = regex.compile(
    r"([\"“‘'])(" + _NICK_WORD + r"(?:" + _SP + _NICK_WORD + r"){0,2})"
    r"([\"”’'])" + _SP + r"+(?=\p{Lu})"
)
_OPENING_MARKS = "\"“‘'"
_SENTENCE_ENDS = ("\0", "\n", ". ", "! ", "? ")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}'’‐-])\p{Ll}[\p{Ll}\p{M}]+(?![\p{L}\p{M}])")
_CLOSING_MARK = {'"': '"', "“": "”", "‘": "’", "'": "'"}
_NAME_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’.‐-])(" + _WORD + r"(?:" + _SP + r"+" + _WORD + r")*)" + _SP + r"+$"
)
_NAME_AFTER = regex.compile(_WORD + r"(?:" + _SP + r"+" + _WORD + r")*")


class Name(NamedTuple):
    """A name found in a document's text: ``text[start:end]`` as written, the actor it
    counts for (``label``), its ``kind`` (person or organisation) and the ``rule``."""

    start: int
    end: int
    label: str
    kind: str
    rule: str


class Judged(NamedTuple):
    """What :func:`find_names` returns: the new names, and the positions (in the list of
    lexicon mentions given) of the lexicon mentions they replace or that are no actor."""

    names: list[Name]
    dropped: set[int]


# --------------------------------------------------------------------------- first names


@lru_cache(maxsize=1)
def _name_list() -> dict[str, dict[str, int]]:
    """``{first name: {gender: strength}}`` from the gender-guesser package's list of
    about 45,000 first names of many countries: for each gender the name is given to
    ("male", "mostly_male", "andy" …), how common it is where it is commonest, 1 (rare) to
    13. The list writes that as one character per country, "1" to "9" then "A" to "D"
    (blank where unknown), so the strongest is the greatest character."""
    from gender_guesser.detector import Detector

    return {name: {gender: _STRENGTH.get(max(countries), 0)
                   for gender, countries in genders.items()}
            for name, genders in Detector().names.items()}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str | None]:
    """``{first name: 'm' | 'f' | None}`` from the gender-guesser list (None: given to
    both, neither clearly more often)."""
    table: dict[str, str | None] = {}
    for name, strength in _name_list().items():
        male = "male" in strength or "mostly_male" in strength
        female = "female" in strength or "mostly_female" in strength
        table[name] = "m" if male and not female else "f" if female and not male else None
        if male and female:  # both: the commoner use decides when it is clearly commoner
            m = max(strength.get("male", 0), strength.get("mostly_male", 0))
            f = max(strength.get("female", 0), strength.get("mostly_female", 0))
            table[name] = "m" if m >= f + 3 else "f" if f >= m + 3 else None
    return table


_STRENGTH = {c: i for i, c in enumerate("123456789ABCD", start=1)}


def is_first_name(word: str) -> bool:
    """True for a known first name that is not also a title, a function word or the start
    of a place's name.

    >>> is_first_name("Annalena"), is_first_name("Saddam"), is_first_name("The")
    (True, True, False)
    """
    return word in _first_names() and word not in PLACE_PREFIXES and not _not_a_name(word)


@lru_cache(maxsize=1)
def _popularity() -> dict[str, int]:
    """How often each first name is given where it is most common, 1 (rare) to 13, from
    the gender-guesser list ("Mark" 8, "Hope" 3)."""
    return {name: max(strength.values(), default=0) for name, strength in _name_list().items()}


def _word_first_name(first: str, last: str) -> bool:
    """True when a first name that is also a common English word ("Red", "Revenue",
    "Will") stands before a common word: "Red Cross", "Revenue Sharing" are no persons,
    "Will Rogers" and "Mark Rutte" are."""
    return _zipf(first) >= 4.0 and _popularity().get(first, 0) < 6 and _zipf(last) >= 4.0


def first_name_gender(word: str) -> str | None:
    """``'m'`` or ``'f'`` for a first name mostly given to men or women, else None.

    >>> first_name_gender("Annalena"), first_name_gender("Radosław"), first_name_gender("Xi")
    ('f', 'm', None)
    """
    return _first_names().get(word) if not _not_a_name(word) else None


def gender_of(label: str, aliases: Iterable[str] = ()) -> str | None:
    """The gender a person's name and the titles used with it tell: ``'m'``, ``'f'``, or
    None when they say nothing or disagree.

    >>> gender_of("Annalena Baerbock"), gender_of("Baerbock", ["Ms Baerbock"])
    ('f', 'f')
    >>> gender_of("Gitanas Nausėda", ["President Gitanas Nausėda"]) is None
    True
    """
    votes: set[str] = set()
    words = label.split()
    if len(words) >= 2:
        gender = first_name_gender(words[0])
        if gender:
            votes.add(gender)
    for alias in aliases:
        gender = title_gender(alias)
        if gender:
            votes.add(gender)
    return votes.pop() if len(votes) == 1 else None


def title_gender(text: str) -> str | None:
    """The gender of a title at the start of ``text`` ("Ms Baerbock" → 'f'), else None.

    >>> title_gender("Mr. Marcy"), title_gender("the spokeswoman"), title_gender("Dr Li")
    ('m', None, None)
    """
    words = text.split()
    for n in (2, 1):
        head = " ".join(words[:n]).lower()
        if head in MALE_TITLES:
            return "m"
        if head in FEMALE_TITLES:
            return "f"
    return None


def _not_a_name(word: str) -> bool:
    lower = word.lower()
    return (lower in FUNCTION_WORDS or lower in CALENDAR or lower in NOT_NAMES
            or lower in ORG_HEADS or lower in THING_HEADS or word in _ALL_TITLE_WORDS
            or _TECHNICAL.search(word) is not None)


# A product's or a modifier's spelling no name has: capitals after a small letter
# ("OpenSSL", "iOS"), a capital after three small letters ("IntoIterator", "JavaScript";
# "FitzGerald" aside), or an acronym or a word joined to a modifier in small letters
# ("CPU-intensive", "FIPS-enabled", "Unicode-aware"). Names keep "McDonald", "DiCaprio",
# "MacArthur", "LeBron", "al-Assad" and Korean given names such as "Sang-hyeok".
_TECHNICAL = regex.compile(r"\p{Ll}\p{Lu}{2}|^\p{Ll}+\p{Lu}|^\p{Lu}{2,}-\p{Ll}"
                           r"|^(?!Fitz)\S*\p{Ll}{3}\p{Lu}"
                           r"|-\p{Ll}{3,}(?:ed|ing|ive)$|-\p{Ll}*(?:based|like|free|wide|aware"
                           r"|safe)$")


_ALL_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """The wordfreq package's English word frequencies (looked up directly: its
    ``zipf_frequency`` tokenises every word it is asked about, a hundred times slower)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="best")


def _zipf(word: str) -> float:
    """How common a word is in English, on the Zipf scale of the wordfreq package (case
    folded: 7.7 for "the", 5.6 for "government", 3.5 for "Hussein", 0 when unknown)."""
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


# Words rarer than this in English (Zipf scale: "Lleyton" 2.0, "Hewitt" 3.4, "Gore" 3.8,
# "Johnson" 4.7) are most likely names when capitalised.
RARE_ZIPF = 4.0


def written_in_lower_case(text: str, lower: str) -> bool:
    """True when ``text`` holds the word ``lower`` (lower case) as a whole word.

    >>> written_in_lower_case("Added a test; we added more.", "added")
    True
    >>> written_in_lower_case("Added a test.", "added")
    False
    """
    position = text.find(lower)
    while position >= 0:
        before = text[position - 1] if position else " "
        after = text[position + len(lower):position + len(lower) + 1] or " "
        if not before.isalpha() and not after.isalpha():
            return True
        position = text.find(lower, position + 1)
    return False


def _common_word(word: str) -> bool:
    """True for a word so common in English (Zipf ≥ 5.3: "house", "state", "court") that
    a capital does not make it a name."""
    return _zipf(word) >= 5.3


# --------------------------------------------------------------------------- the lexicon


@lru_cache(maxsize=8)
def _titles(lexicon: Lexicon) -> dict[str, list[tuple[str, ...]]]:
    """Titles by first word, longest first: ``{"Foreign": [("Foreign", "Minister")], …}``."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for title in TITLES | set(lexicon.titles):
        words = tuple(title.split())
        if words and words[0][:1].isupper():
            by_first.setdefault(words[0], set()).add(words)
    return {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}


@lru_cache(maxsize=8)
def _listed_first_names(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """The first words of every name of each listed person: "Joe Biden" → {"Joe", "Joseph"}."""
    found: dict[str, frozenset[str]] = {}
    for actor in lexicon.actors:
        if actor.kind == "person":
            found[actor.label] = frozenset(n.split()[0] for n in (actor.label, *actor.aliases)
                                           if len(n.split()) > 1)
    return found


# --------------------------------------------------------------------------- one document


class _Token(NamedTuple):
    word: str
    start: int
    end: int


class _Shape(NamedTuple):
    """What the words of a run alone say (see :func:`_shape`)."""

    first: int  # words skipped at the start ("The", "And")
    organisation: bool
    title_first: int  # the last title's first word, after ``first``; -1 without a title
    title_end: int  # where the name starts, after ``first``
    label: str  # the name without its title (or the organisation's name)
    last: str  # the last word as it counts (without a possessive or a full stop)
    titled: bool = False
    size: int = 0  # how many words the name has
    weak: bool = False  # its last word is also a place's or a thing's ("Wall", "Hall")


def _parts(words: tuple[str, ...]) -> list[tuple[int, int]]:
    """A run cut after each word ending a sentence inside it ("Smith. The") and after each
    possessive ("Mr. Jefferson's Administration", "Putin’s Foreign Ministry")."""
    parts, first = [], 0
    for i, word in enumerate(words[:-1]):
        if (word.endswith(".") and not _INITIAL.match(word) and word not in _ALL_TITLE_WORDS
                and word not in _ABBREVIATIONS) or word.endswith(("'s", "’s")):
            parts.append((first, i + 1))
            first = i + 1
    parts.append((first, len(words)))
    return parts


@lru_cache(maxsize=1 << 16)
def _shape(lexicon: Lexicon, words: tuple[str, ...]) -> _Shape | None:
    """What a run's words alone tell, or None when they can make no name whatever their
    context: an organisation's name ending in a head noun, or a person's name of one to
    four words after any title. Cached: runs repeat ("Federal Government")."""
    first = 0
    while first < len(words) and (words[first].lower() in _SKIPPED_FIRST
                                  or words[first] in CONNECTORS):
        first += 1
    determiner = first > 0 and words[first - 1].lower() in _DETERMINERS
    end = len(words)
    while end > first and words[end - 1] in CONNECTORS:
        end -= 1
    words = words[first:end]
    if len(words) < 2:
        return None  # "The President", "But I"
    last = _POSSESSIVE.sub("", words[-1]) if len(words[-1]) > 3 else words[-1]
    if last.endswith(".") and not _INITIAL.match(last) and last not in _ALL_TITLE_WORDS:
        last = last[:-1]
    lower_last = last.lower()
    head = lower_last
    inner_connector = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    if inner_connector:
        head = words[inner_connector - 1].lower()
    title_end, title_first = _title_end(_titles(lexicon), words)
    if head in ORG_HEADS and not (title_end and lower_last not in ORG_HEADS):
        if determiner or all(w.isupper() for w in words):
            return None  # "our Government", "Her Majesty's Government", "WAR DEPARTMENT"
        return _Shape(first, True, -1, 0, " ".join([*words[:-1], last]), last)
    name = [*words[title_end:-1], last] if title_end < len(words) else []
    weak = lower_last in THING_HEADS and lower_last not in _NEVER_LAST - THING_HEADS and len(
        name) >= 2 and (_popularity().get(name[0], 0) >= 4 or any(_INITIAL.match(w)
                                                                  for w in name))
    if lower_last in _NEVER_LAST and not weak:
        return None  # "Social Security", "Middle East"; but "Jeffrey Wall", "James Hall"
    if name and name[0] in PLACE_PREFIXES and not title_end:
        return None  # "San Juan de Puerto Rico", "Rio Grande"
    inner = next((i for i, w in enumerate(name[1:-1], start=1) if is_first_name(w)), None)
    if name and inner is not None and (name[0] in CONNECTORS or (
            not is_first_name(name[0]) and not _INITIAL.match(name[0]))):
        # "President of Mexico Andrés Manuel López Obrador", "Patrol Agent Raul Ortiz"
        title_end += inner
        name = name[inner:]
    if not name or name[0] in CONNECTORS:
        return None  # "Mr. President", "Secretary of War"
    cut = next((i for i, w in enumerate(name) if w in ("of", "for")), None)
    if cut is not None:  # "Dan Daniel of Virginia"
        name = name[:cut]
        if not name:
            return None
        last = name[-1]
        lower_last = last.lower()
        weak = False
        if lower_last in _NEVER_LAST:
            return None
    plain = [w for w in name if w not in CONNECTORS and not _INITIAL.match(w)]
    if not plain or len(plain) > 4:
        return None
    checked = plain[:-1] if weak else plain
    if any(_not_a_name(w) or (len(w) > 1 and w.isupper()) for w in checked):
        return None
    return _Shape(first, False, title_first, title_end, " ".join([*name[:-1], last]), last,
                  title_first >= 0, len(name), weak)


def _title_end(titles: dict[str, list[tuple[str, ...]]],
               words: Sequence[str]) -> tuple[int, int]:
    """``(index after the last title, index of that title's first word)``, or ``(0, -1)``
    when the words hold no title."""
    end, first, i = 0, -1, 0
    while i < len(words):
        for title in titles.get(words[i], ()):
            if tuple(words[i:i + len(title)]) == title:
                end, first = i + len(title), i
                i += len(title) - 1
                break
        i += 1
    return end, first


def _tokens(run: str, offset: int) -> list[_Token]:
    """The words of a run with their positions (``offset`` is the run's)."""
    tokens, position = [], 0
    for word in run.split():
        position = run.find(word, position)
        tokens.append(_Token(word, offset + position, offset + position + len(word)))
        position += len(word)
    return tokens


def _opening_marks(text: str) -> list[int]:
    """Where a quotation mark follows a space, in order: found with ``str.find``, twice
    as fast as a pattern tried at every character of the document."""
    spaces = " " + "".join(space for space in "\t\u00a0\u202f" if space in text)
    found = []
    for space in spaces:
        for mark in _OPENING_MARKS:
            needle = space + mark
            position = text.find(needle)
            while position >= 0:
                found.append(position + 1)
                position = text.find(needle, position + 2)
    return sorted(found)


def _previous_words(text: str, position: int, n: int = 3) -> list[str]:
    """The last ``n`` words before ``position`` in its sentence, lower case, without the
    punctuation around them."""
    window = text[max(0, position - 60):position]
    window = window[window.rfind("\0") + 1:]
    return [w.strip(",;:()\"“”‘’'").lower() for w in window.split()[-n:]]


class _Person:
    __slots__ = ("label", "first", "surname", "position")

    def __init__(self, label: str, position: int) -> None:
        words = label.split()
        self.label = label
        self.first = words[0] if len(words) > 1 else None
        self.surname = words[-1]
        self.position = position


class _Document:
    """One document's joined text, its lexicon mentions, and what has been judged."""

    def __init__(self, text: str, listed: Sequence[Mention], lexicon: Lexicon) -> None:
        self.text = text
        self.listed = listed
        self.lexicon = lexicon
        self.starts = [m.start for m in listed]
        self.dropped: set[int] = set()
        self.names: list[Name] = []
        self.lower_cache: dict[str, bool] = {}
        self.titles = _titles(lexicon)
        # nickname as written ("Magic"), and with the surname ("Magic Johnson") -> label
        self.nicknames: dict[str, str] = {}
        self.nickname_spans: list[tuple[int, int]] = []

    # ----------------------------------------------------------------- helpers

    def covering(self, position: int) -> int:
        """The index of the lexicon mention covering ``position``, or -1."""
        i = bisect_right(self.starts, position) - 1
        if i >= 0 and self.listed[i].end > position and i not in self.dropped:
            return i
        return -1

    def in_lower_case(self, word: str) -> bool:
        """True when the document writes the word in lower case somewhere ("grant")."""
        lower = word.lower()
        if lower == word:
            return True
        if _zipf(word) < 3.0:
            return False  # a rare word (most surnames): not worth reading the document for
        known = self.lower_cache.get(lower)
        if known is None:
            known = self.lower_cache[lower] = written_in_lower_case(self.text, lower)
        return known

    def initial(self, position: int) -> bool:
        """True when ``position`` starts a sentence (or follows an opening mark or colon)."""
        text = self.text
        i = position - 1
        while i >= 0 and text[i] in " \t\u00a0\u202f":
            i -= 1
        return i < 0 or text[i] in _SENTENCE_OPENERS

    def surname_like(self, word: str) -> bool:
        return (not _not_a_name(word) and not (len(word) > 1 and word.isupper())
                and not self.in_lower_case(word) and not _common_word(word))

    # ----------------------------------------------------------------- the lexicon's states

    def judge_states(self) -> None:
        """Drop a state's name that begins another proper name, or is a city in a list of
        cities; the tomb-of and birthday contexts are judged once persons are known."""
        text = self.text
        for i, m in enumerate(self.listed):
            if m.kind not in ("state", "region") or m.demonym:
                continue
            following = _NEXT_WORD.match(text, m.end)
            begins_other = following is not None and self._begins_other_name(
                following.group(1), following.start(1))
            if begins_other or (m.metonym and self._city_in_list(m)):
                self.dropped.add(i)

    def _begins_other_name(self, word: str, position: int) -> bool:
        lower = word.lower()
        if (lower in _STATE_PARTS or lower in FUNCTION_WORDS or lower in CALENDAR
                or word in self.titles or _INITIAL.match(word) or not word[:1].isupper()):
            return False
        return self.covering(position) < 0

    def _city_in_list(self, m: Mention) -> bool:
        text = self.text
        lo = max(0, m.start - 200)
        before = _LIST_BEFORE.search(text, lo, m.start)
        after = _LIST_AFTER.match(text, m.end, min(len(text), m.end + 200))
        if before is None and after is None:
            return False
        items = [(x.start(), x.group()) for part in (before, after) if part is not None
                 for x in _LIST_ITEMS.finditer(text, part.start(), part.end())]
        items = [(s, w) for s, w in items if w.lower() not in ("and", "or")]
        if not items:
            return False
        start = before.start() if before is not None else m.start
        previous = _WORD_BEFORE.search(text, max(0, start - 20), start)
        word = previous.group(1).lower() if previous else ""
        if word in _LOCATIVE:
            return True
        unlisted = [s for s, _ in items if self.covering(s) < 0]
        return len(items) >= 2 and bool(unlisted) and word != "of"

    # ----------------------------------------------------------------- nicknames

    def read_nicknames(self) -> None:
        """Names written with a nickname in quotation marks between their parts ("Lee
        “Faker” Sang-hyeok", "Earvin "Magic" Johnson"): the person is the name without the
        nickname, and the nickname as written counts for them where it stands alone."""
        text = self.text
        for position in _opening_marks(text):
            match = _NICKNAME.match(text, position)
            if match is None or _CLOSING_MARK[match.group(1)] != match.group(3):
                continue
            nickname = match.group(2)
            if nickname.endswith(".") and not _INITIAL.match(nickname.split()[-1]):
                continue  # "the “U.S.” Then": a sentence ends in the marks
            before = _NAME_BEFORE.search(text, max(0, match.start() - 200), match.start())
            after = _NAME_AFTER.match(text, match.end())
            if before is None or after is None or text[after.end():after.end() + 1].isalnum():
                continue
            self.read_nickname(_tokens(before.group(1), before.start(1)),
                               _tokens(after.group(), after.start()), nickname)

    def read_nickname(self, left: list[_Token], right: list[_Token], nickname: str) -> None:
        """Judge the capitalised words before and after one quoted nickname: one or two
        words (after any title) before it, one or two after it, up to a possessive or the
        end of a sentence."""
        left = left[_parts(tuple(t.word for t in left))[-1][0]:]  # "Korea’s Lee", "Seoul. Lee"
        skipped = 0
        while skipped < len(left) and (left[skipped].word.lower() in _SKIPPED_FIRST
                                       or left[skipped].word in CONNECTORS):
            skipped += 1  # "In Lee “Faker” Sang-hyeok’s …"
        left = left[skipped:]
        title_end, title_first = _title_end(self.titles, [t.word for t in left])
        given = left[title_end:]
        right = right[:_parts(tuple(t.word for t in right))[0][1]]
        if not given or len(given) > 2 or len(right) > 2:
            return  # a longer run: a title-case heading or a body's name
        word = right[-1].word
        last = _POSSESSIVE.sub("", word) if len(word) > 3 else word
        if last.endswith(".") and not _INITIAL.match(last) and last not in _ABBREVIATIONS:
            last = last[:-1]
        right[-1] = _Token(last, right[-1].start, right[-1].start + len(last))
        if not last or not self.nickname_rule(given, right, title_end > 0, nickname):
            return
        start = left[title_first].start if title_end else given[0].start
        label = " ".join(t.word for t in (*given, *right))
        self.names.append(Name(start, right[-1].end, label, "person", "nickname"))
        self.nickname_spans.append((start, right[-1].end))
        self.nicknames.setdefault(nickname, label)
        self.nicknames.setdefault(f"{nickname} {last}", label)  # "Magic Johnson"

    def nickname_rule(self, given: list[_Token], family: list[_Token], titled: bool,
                      nickname: str) -> bool:
        """True when the words around a quoted nickname make a person's name in a sentence
        of prose: none is the lexicon's, a title, a function word, the head noun of a place
        or a body, or a word the document writes in lower case; and a title, a first name
        or initials start it, or all its words are rare in English, or elsewhere in the
        document its last word stands alone ("Johnson scored"), follows the nickname
        ("Magic Johnson") or the nickname is a person's ("Magic said")."""
        words = [*given, *family]
        if any(self.covering(t.start) >= 0 for t in words):
            return False
        if any(_POSSESSIVE.search(t.word) or (t.word.endswith(".") and not _INITIAL.match(
                t.word)) for t in given):
            return False  # "Anna Kovalenko’s “Golden” Gloves"
        if not all(_INITIAL.match(t.word) or (is_first_name(t.word) or self.surname_like(
                t.word)) and not _not_a_name(t.word) for t in words):
            return False
        first = given[0]
        if not titled and self.initial(first.start) and self.in_lower_case(first.word):
            return False
        if not self.in_prose(first.start, family[-1].end):
            return False  # "Kim Hails “Historic” Win": a heading in title case
        if titled or _INITIAL.match(first.word):
            return True
        if is_first_name(first.word):
            return not _word_first_name(first.word, family[-1].word)
        if all(_zipf(t.word) < RARE_ZIPF for t in words):
            return True
        end = family[-1].end
        return (next(self.standing_alone(family[-1].word, first.start, end), None) is not None
                or next(self.standing_alone(f"{nickname} {family[-1].word}", first.start, end),
                        None) is not None
                or any(self.person_context(*span)
                       for span in self.standing_alone(nickname, first.start, end)))

    def in_prose(self, start: int, end: int) -> bool:
        """True when the sentence around ``start:end`` has a word in lower case other
        than a function word: it is prose, not a heading in title case."""
        text = self.text
        lo, hi = max(0, start - 200), min(len(text), end + 200)
        lo = max([lo, *(text.rfind(c, lo, start) + 1 for c in _SENTENCE_ENDS)])
        ends = [i for i in (text.find(c, end, hi) for c in _SENTENCE_ENDS) if i >= 0]
        hi = min([hi, *ends])
        return any(w.group().lower() not in FUNCTION_WORDS
                   for w in _LOWER_WORD.finditer(text, lo, hi))

    def in_nickname(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a name read with its nickname."""
        spans = self.nickname_spans
        i = bisect_right(spans, (end, end))
        return i > 0 and spans[i - 1][1] > start

    # ----------------------------------------------------------------- runs

    def read_runs(self) -> None:
        text = self.text
        for match in RUN.finditer(text):
            start, end = match.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in _INSIDE_WORD):
                continue  # inside a word
            if text[end:end + 1].isalnum():
                continue  # "E0": a word with digits is no name
            run = match.group()
            if "--" in run:  # "Eisenhower--in Cuba": a dash, not a hyphen
                run = run[:run.index("--")]
                end = start + len(run)
                if " " not in run.strip():
                    continue
            if run[-1] == "." and not _INITIAL.match(run, run.rfind(" ") + 1):
                run, end = run[:-1], end - 1  # the full stop of a sentence
            if self.nickname_spans and self.in_nickname(start, end):
                continue  # the name around a nickname, read already
            covering = self.covering(start)
            if covering >= 0 and self.listed[covering].end >= end:
                continue  # "United States": the lexicon's
            words = tuple(run.split())
            if self.organisation_after_noun(run, start, words):
                continue
            cut = "." in run or "'s " in run or "’s " in run
            for first, last in _parts(words) if cut else ((0, len(words)),):
                shape = _shape(self.lexicon, words[first:last])
                if shape is not None:
                    self.read_run(_tokens(run, start)[first:last], shape)

    def organisation_after_noun(self, run: str, start: int, words: tuple[str, ...]) -> bool:
        """A run after a lower-case organisation noun ("the group People for the Ethical
        Treatment of Animals", "human rights group Amnesty International") is an
        organisation's name: True when it is read as one."""
        before = self.text[max(0, start - 20):start].split()[-1:]
        if not before or before[0] not in ORG_NOUNS:
            return False
        tokens = _tokens(run, start)
        if any(self.covering(t.start) >= 0 for t in tokens):
            return True  # the lexicon's
        last = tokens[-1]
        word = _POSSESSIVE.sub("", last.word).rstrip(".")
        label = " ".join([*words[:-1], word])
        self.names.append(Name(tokens[0].start, last.start + len(word), label, "organisation",
                               "organisation"))
        return True

    def read_run(self, tokens: list[_Token], shape: _Shape) -> None:
        """Judge one run whose words may make a name (see :func:`_shape`) in its context."""
        tokens = tokens[shape.first:]
        if shape.organisation:
            if not any(self.covering(t.start) >= 0 for t in tokens):
                last = tokens[-1]
                self.names.append(Name(tokens[0].start, last.start + len(shape.last),
                                       shape.label, "organisation", "organisation"))
            return
        name = tokens[shape.title_end:shape.title_end + shape.size]
        last = name[-1]
        name[-1] = _Token(shape.last, last.start, last.start + len(shape.last))
        titled = shape.titled
        start = tokens[shape.title_first].start if titled else name[0].start
        if titled and any(self.covering(t.start) >= 0
                          for t in tokens[shape.title_first:shape.title_end]):
            start = name[0].start
        if not titled and self.role_before(name[0].start):
            titled = True  # "the spokeswoman Maria Zakharova"
        covered = [self.covering(t.start) for t in name]
        override = -1
        if any(c >= 0 for c in covered):
            override = self.judge_overlap(name, covered, titled)
            if override < 0:
                return
        words = [t for t in name if t.word not in CONNECTORS and not _INITIAL.match(t.word)]
        title = tokens[shape.title_first].word if shape.titled else ""
        rule = self.person_rule(name, words, titled, title, override, shape.weak)
        if rule is None:
            return
        if override >= 0:
            self.dropped.add(override)
        self.names.append(Name(start, name[-1].end, shape.label, "person", rule))

    def judge_overlap(self, name: list[_Token], covered: list[int], titled: bool) -> int:
        """A run whose name part holds a lexicon name: the lexicon mention the person
        replaces ("President Washington", "George Washington", "Jill Biden"), or -1 when
        the lexicon's reading stands."""
        indices = {c for c in covered if c >= 0}
        if len(indices) != 1:
            return -1
        index = indices.pop()
        mention = self.listed[index]
        first_covered = covered.index(index)
        if any(c != index for c in covered[first_covered:]):
            return -1  # the lexicon name must end the run
        if mention.demonym or mention.end != name[-1].end and mention.end < name[-1].start:
            return -1
        if first_covered == 0:  # the whole name is the lexicon's: only a title makes it a person
            return index if titled and mention.kind == "state" and len(name) == 1 else -1
        head = name[0].word
        if not (is_first_name(head) or _INITIAL.match(head)):
            return -1
        if any(t.word not in CONNECTORS and not is_first_name(t.word)
               and not _INITIAL.match(t.word) for t in name[1:first_covered]):
            return -1
        if mention.kind == "person":
            listed = _listed_first_names(self.lexicon).get(mention.actor, frozenset())
            return index if head not in listed and not _INITIAL.match(head) else -1
        return index if mention.kind == "state" and not self.initial(name[0].start) else -1

    def person_rule(self, name: list[_Token], words: list[_Token], titled: bool,
                    title: str, override: int, weak: bool = False) -> str | None:
        """Why the run is a person's name, or None when it is not one. The cheap tests
        come first: most runs are institutions and places."""
        first, last = name[0], name[-1]
        if titled:
            if title in AMBIGUOUS_TITLES and len(words) > 1 and not (
                    is_first_name(first.word) or _INITIAL.match(first.word)
                    or all(self.surname_like(t.word) for t in words)):
                return None  # "General Revenue Sharing"
            if len(words) == 1 and override < 0:
                if title in AMBIGUOUS_TITLES and not (is_first_name(last.word)
                                                      or self.named_in_full(last.word)):
                    return None
                if not self.surname_like(last.word):
                    return None
            return "title"
        if override >= 0:
            return "first-name"
        if len(name) < 2:
            return None
        initials = _INITIAL.match(first.word) is not None
        if first.word in PLACE_PREFIXES or self.named_thing_before(first.start):
            return None  # "Rio Grande", "the Treaty of Guadalupe Hidalgo"
        middle = any(_INITIAL.match(t.word) for t in name[1:-1])  # "Brian M. Good"
        if weak and not middle:
            if is_first_name(first.word) and self.context_rule(first, last) is not None:
                return "reporting-verb"  # "Jeffrey Wall, who was …, said"
            return None
        if len(last.word) < 2 or not last.word[1:2].isalpha():
            return None  # "U.S. E": no surname
        if is_first_name(first.word) or initials:
            if not (_INITIAL.match(last.word) or self.surname_like(last.word)
                    or middle and not _not_a_name(last.word)):
                return None
            if not initials and _word_first_name(first.word, last.word):
                return None
            starts_sentence = self.initial(first.start)
            if starts_sentence and (initials or self.in_lower_case(first.word)):
                return None
            return "first-name"
        rule = self.context_rule(first, last)
        if rule is None and len(name) == 2 and not middle:
            rule = self.recurring_surname(first, last)
        if rule is None or not self.surname_like(last.word) or any(
                self.in_lower_case(t.word) for t in words):
            return None
        return rule

    def named_thing_before(self, position: int) -> bool:
        """True after "Treaty of", "Bay of", "Department of": a place's or a body's name."""
        before = self.text[max(0, position - 30):position].split()[-2:]
        return len(before) == 2 and before[1] == "of" and before[0].lower() in _HEADS

    def role_before(self, position: int) -> bool:
        """True when a role in lower case stands right before ``position`` ("the
        spokeswoman Maria Zakharova", "the head of the agency Ivan Petrov")."""
        words = _previous_words(self.text, position, 6)
        if not words or not any(w in ROLES for w in words):
            return False
        return _ROLE_BEFORE.search(self.text, max(0, position - 60), position) is not None

    def context_rule(self, first: _Token, last: _Token) -> str | None:
        """``apposition`` or ``reporting-verb`` when the context introduces a full name."""
        text = self.text
        lo = max(0, first.start - 60)
        words = _previous_words(text, first.start, 8)
        after = text[last.end:last.end + 1]
        if after == "," and _APPOSITION_AFTER.match(text, last.end):
            return "apposition"
        if any(w in ROLES for w in words) and _APPOSITION_BEFORE.search(text, lo, first.start):
            return "apposition"
        if _VERB_AFTER.match(text, last.end):
            return "reporting-verb"
        if words and (words[-1] in REPORTING_VERBS or words[-2:] == ["according", "to"]) and (
                _VERB_BEFORE.search(text, lo, first.start)):
            return "reporting-verb"
        return None

    def recurring_surname(self, first: _Token, last: _Token) -> str | None:
        """``recurring-surname`` for two words rare in English ("Lleyton Hewitt"), not at
        a sentence start nor after an article or a word of place ("in", "at", "visited"),
        whose last word stands alone elsewhere in the document as a person's: with a
        possessive, before a reporting verb or after a title or a reporting verb ("Hewitt's
        defeat", "Hewitt said", "Mr Hewitt")."""
        if _zipf(first.word) >= RARE_ZIPF or _zipf(last.word) >= RARE_ZIPF or (
                first.word[-1:] == "s" and first.word[:-1] in _ALL_TITLE_WORDS):
            return None  # "by Lieutenants Wilkes and Hudson": titles
        if self.initial(first.start) or (
                _previous_words(self.text, first.start, 1) or [""])[0] in _NO_PERSON_AFTER:
            return None
        for start, end in self.standing_alone(last.word, first.start, last.end):
            if self.person_context(start, end):
                return "recurring-surname"
        return None

    def standing_alone(self, word: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The spans where ``word`` stands alone in the document, outside ``start:end``:
        a whole word, not part of a longer name."""
        text = self.text
        position = text.find(word)
        while position >= 0:
            stop = position + len(word)
            if not start <= position < end and _whole_word(text, position, stop) and not (
                    _inside_longer_name(text, position, stop)):
                yield position, stop
            position = text.find(word, stop)

    def person_context(self, start: int, end: int) -> bool:
        """True when the word at ``start:end`` is used as a person's name: with a
        possessive ("Hewitt's"), before a reporting verb ("Hewitt said"), after a title
        ("Mr Hewitt") or a reporting verb ("said Hewitt")."""
        text = self.text
        if text[end:end + 2] in ("'s", "’s") and not text[end + 2:end + 3].isalpha():
            return True
        if _VERB_AFTER.match(text, end):
            return True
        before = text[max(0, start - 25):start].replace("\0", " ").split()[-1:]
        if before and before[0] in _ALL_TITLE_WORDS:
            return True
        return _VERB_BEFORE.search(text, max(0, start - 30), start) is not None

    def named_in_full(self, surname: str) -> bool:
        """True when a full name ending in ``surname`` stands in the document."""
        return any(n.kind == "person" and len(n.label.split()) > 1
                   and n.label.split()[-1] == surname for n in self.names)

    # ----------------------------------------------------------------- linking

    def link(self) -> None:
        """Give every person one label per document, and count later mentions of the
        full name and of the surname."""
        if self.nicknames:  # "Stonewall Jackson" found as a name of its own
            self.names = [n._replace(label=self.nicknames[n.label], rule="nickname-link")
                          if n.kind == "person" and n.label in self.nicknames else n
                          for n in self.names]
        persons: list[_Person] = []
        by_key: dict[tuple[str | None, str], _Person] = {}
        for name in sorted(self.names, key=lambda n: n.start):
            words = name.label.split()
            if name.kind != "person" or len(words) < 2:
                continue
            key = (words[0], words[-1])
            if key not in by_key:
                by_key[key] = _Person(name.label, name.start)
                persons.append(by_key[key])
        by_surname: dict[str, list[_Person]] = {}
        for person in persons:
            by_surname.setdefault(person.surname, []).append(person)

        relabelled = []
        for name in self.names:
            words = name.label.split()
            if name.kind == "person" and len(words) >= 2:
                person = by_key[(words[0], words[-1])]
                relabelled.append(name._replace(label=person.label))
            elif name.kind == "person" and words[0] in by_surname:
                person = _nearest(by_surname[words[0]], name.start)
                relabelled.append(name._replace(label=person.label, rule="surname-link"))
            else:
                relabelled.append(name)
        self.names = relabelled
        self.judge_person_contexts(by_surname)
        self.count_repeats(persons, by_surname)

    def judge_person_contexts(self, by_surname: dict[str, list[_Person]]) -> None:
        """"the tomb of Washington", "Washington's birthday": a person."""
        text = self.text
        for i, m in enumerate(self.listed):
            if i in self.dropped or m.kind != "state" or m.demonym:
                continue
            of = "of" in text[max(0, m.start - 12):m.start].split()[-2:]
            possessive = text[m.end:m.end + 1] in ("'", "’")
            if (of and _PERSON_OF[m.metonym].search(text, max(0, m.start - 40), m.start)) or (
                    possessive and _PERSON_POSSESSED[m.metonym].match(text, m.end)):
                word = text[m.start:m.end]
                people = by_surname.get(word)
                label = _nearest(people, m.start).label if people else word
                self.dropped.add(i)
                self.names.append(Name(m.start, m.end, label, "person", "person-context"))

    def count_repeats(self, persons: list[_Person],
                      by_surname: dict[str, list[_Person]]) -> None:
        """Later mentions of a full name ("repeat") and of a surname ("surname-link"),
        found with ``str.find``: a few names per document, and no pattern to compile."""
        # Full names found by their first name are runs found again wherever they stand;
        # those found by their context, and surnames, are looked for.
        keys = {n.label for n in self.names if n.kind == "person" and n.rule not in (
            "first-name", "surname-link")}
        keys.update(by_surname)
        keys = {k for k in keys if len(k) > 1 and (" " in k or not self.in_lower_case(k))}
        acronyms = {}
        for n in self.names:
            # "People for the Ethical Treatment of Animals … PETA": looked for after a
            # name found by the noun before it, or followed by a bracket
            if n.kind == "organisation" and (n.rule == "organisation" and (
                    self.text[n.end:n.end + 3].lstrip().startswith("(")
                    or self.text[max(0, n.start - 20):n.start].split()[-1:] and self.text[
                        max(0, n.start - 20):n.start].split()[-1] in ORG_NOUNS)):
                initials = "".join(w[0] for w in n.label.split()
                                   if w[0].isupper() and w not in CONNECTORS)
                if len(initials) >= 3 and initials not in acronyms and (
                        initials in self.text):
                    acronyms[initials] = n.label  # "PETA", "SCO": the organisation
        keys.update(acronyms)
        # a nickname the document also writes in lower case is a word ("Magic", "magic");
        # one written in lower case is kept when it is no word ("s1mple")
        keys.update(k for k in self.nicknames if len(k) > 1 and (
            " " in k or not self.in_lower_case(k) or not k.isalpha()))
        if not keys:
            return
        text = self.text
        taken = sorted((n.start, n.end) for n in self.names)
        kinds = {n.label: n.kind for n in self.names}
        found: list[tuple[int, int, str]] = []
        for key in keys:
            position = text.find(key)
            while position >= 0:
                end = position + len(key)
                if _whole_word(text, position, end):
                    found.append((position, -end, key))
                position = text.find(key, end)
        found.sort()  # by start, the longest first
        names: list[Name] = []
        last_end = -1
        for start, negative_end, key in found:
            end = -negative_end
            if start < last_end:
                continue  # inside a longer key found at the same place
            j = bisect_right(taken, (start, len(text))) - 1
            if j >= 0 and taken[j][1] > start:
                continue  # already a name
            if self.covering(start) >= 0:
                continue  # the lexicon's
            if _inside_longer_name(text, start, end):
                continue  # "Monroe Doctrine", "the Berlin Wall"
            last_end = end
            if key in by_surname:
                person = _nearest(by_surname[key], start)
                names.append(Name(start, end, person.label, "person", "surname-link"))
            elif key in self.nicknames:
                names.append(Name(start, end, self.nicknames[key], "person", "nickname-link"))
            elif key in acronyms:
                names.append(Name(start, end, acronyms[key], "organisation", "acronym"))
            else:
                names.append(Name(start, end, key, kinds.get(key, "person"), "repeat"))
        self.names.extend(names)


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word other than a title or a function word stands right
    before or after ``start:end``: the name there is part of a longer one ("Monroe
    Doctrine", "the Berlin Wall")."""
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1)[:1].isupper() and (
            following.group(1).lower() not in FUNCTION_WORDS):
        return True
    before = text[max(0, start - 25):start].split()[-1:]
    return bool(before) and before[0].isalpha() and before[0][:1].isupper() and (
        before[0] not in _ALL_TITLE_WORDS and before[0].lower() not in FUNCTION_WORDS)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in _INSIDE_WORD) and not after.isalnum()


def _nearest(people: list[_Person], position: int) -> _Person:
    """The person last introduced before ``position``, else the first one."""
    before = [p for p in people if p.position <= position]
    return before[-1] if before else people[0]


def find_names(text: str, listed: Sequence[Mention], lexicon: Lexicon) -> Judged:
    """Find the names one document introduces and judge its lexicon mentions.

    ``text`` is the document (its sentences may be joined with ``"\\0"``); ``listed`` its
    lexicon mentions in reading order, as :func:`.actors.mention_spans` gives them.

    >>> from discourse_workbook.actors import load_lexicon, mention_spans
    >>> text = ("Foreign Minister Annalena Baerbock met Radosław Sikorski in Warsaw. "
    ...         "Baerbock said the talks went well.")
    >>> lexicon = load_lexicon()
    >>> [(text[n.start:n.end], n.label, n.rule) for n in
    ...  find_names(text, mention_spans(text, lexicon), lexicon).names]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Foreign Minister Annalena Baerbock', 'Annalena Baerbock', 'title'),
     ('Radosław Sikorski', 'Radosław Sikorski', 'first-name'),
     ('Baerbock', 'Annalena Baerbock', 'surname-link')]
    >>> text = "Lee “Faker” Sang-hyeok won again, and Faker lifted the cup."
    >>> [(text[n.start:n.end], n.label, n.rule) for n in
    ...  find_names(text, mention_spans(text, lexicon), lexicon).names]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Lee “Faker” Sang-hyeok', 'Lee Sang-hyeok', 'nickname'),
     ('Faker', 'Lee Sang-hyeok', 'nickname-link')]
    """
    document = _Document(text, listed, lexicon)
    document.judge_states()
    document.read_nicknames()
    document.read_runs()
    document.link()
    names = sorted(document.names, key=lambda n: n.start)
    return Judged(names, document.dropped)
