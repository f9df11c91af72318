"""Statistics: each module answers one question about the tables, taking tables and
returning a table.

- :mod:`.frequencies`: which words a text uses most, and how often;
- :mod:`.keyness`: which words set it apart from general English or another corpus;
- :mod:`.collocations`: its phrases (n-grams) and the word pairs that attract each other;
- :mod:`.context`: a word or phrase in context (KWIC) and where it occurs (dispersion);
- :mod:`.diversity`: how varied its vocabulary is (TTR, MATTR, hapaxes);
- :mod:`.readability`: how hard it is to read (Flesch, Flesch–Kincaid).
"""
