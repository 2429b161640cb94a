#!/usr/bin/env python3
"""Derives the shipped gazetteer lists: the Bogus locale lists (locale_data.py) plus the shared name and place lists
of ../shared/data/ner/gazetteers (README there), filtered so that everyday English words and rare entries stay out.

  /usr/bin/python3 train/gazetteer.py OUTDIR

Sources added (attribution in OUTDIR/SOURCES.md): SSA first names (hackerb9/ssa-baby-names, US SSA public-domain data)
with a peak of at least --min-first births in a year; US Census 2010 surnames (ul-mds/gecko-data en_US, public domain
source, repo MIT) with at least --min-last bearers; world-cities (datasets/world-cities, PDDL; GeoNames CC BY) names of
at least 4 letters that are neither English words nor first names; Debian tzdata country names (public domain).
"""
import argparse, csv, os
import locale_data as L
import realdata

SOURCES = """# Sources of the gazetteer lists

- Bogus 34.0.2 locale data (MIT): first and last names, cities, regions, countries of 48 locales.
- SSA baby names, hackerb9/ssa-baby-names @ 0b1a1316 (`maxoccurbysex.txt`; US Social Security Administration data,
  public domain): first names with a peak of at least {min_first} births in one year that are not English words.
- US Census 2010 surnames, ul-mds/gecko-data @ 9b7a073c (`en_US/last-name.csv`; public-domain source, repository MIT):
  surnames with at least {min_last} bearers that are not English words (`last_names.txt`), and apart from them the
  surnames with at least {min_surname_word} bearers that are English words (`surname_words.txt`: "Smith", "Brown").
- world-cities, datasets/world-cities @ 49974c67 (PDDL; data from GeoNames, CC BY 4.0 — attribution: GeoNames,
  geonames.org): names of cities over 15,000 people with at least 4 letters that are neither English words nor first names.
- Debian tzdata `iso3166.tab` (public domain): country names.
- Continents, oceans and world regions ("Europe", "America", "Middle East"; `WORLD_REGIONS` in train/gazetteer.py,
  written for this project): in `regions.txt`.
- `english_words.txt`: the lower-case entries of Debian's wamerican (SCOWL; licence in `english_words.LICENSE`).
"""


# Continents, oceans and world regions, which no source list above holds: without them "America" (also a first name)
# was typed a person.
WORLD_REGIONS = {
    'Africa', 'America', 'Americas', 'Antarctica', 'Arctic', 'Asia', 'Australasia', 'Balkans', 'Britain', 'Caribbean',
    'Central Africa', 'Central Asia', 'Central Europe', 'East Africa', 'East Asia', 'Eastern Europe', 'Eurasia', 'Europe',
    'Far East', 'Great Britain', 'Middle East', 'Near East', 'North Africa', 'North America', 'Northern Europe', 'Oceania',
    'South America', 'South Asia', 'Southeast Asia', 'Southern Africa', 'Southern Europe', 'Sub-Saharan Africa',
    'West Africa', 'Western Europe', 'Atlantic Ocean', 'Pacific Ocean', 'Indian Ocean', 'Arctic Ocean', 'Mediterranean',
    'Mediterranean Sea', 'Scandinavia', 'Latin America', 'Central America',
}


def english_words():
    path = '/usr/share/dict/american-english'
    if not os.path.exists(path):
        # Without Debian's wamerican, the committed copy of its lower-case entries (the same words).
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'models', 'piiorleans-ner-small', 'gazetteer', 'english_words.txt')
    with open(path, encoding='utf-8') as f:
        return {w.strip() for w in f if w.strip().isalpha() and w.strip().islower()}


def derive(min_first=200, min_last=2000, min_surname_word=20000):
    g = os.path.join(realdata.DATA, 'gazetteers')
    lex = L.lexicon(L.load_locales())
    words = english_words()
    first = set(lex['first'])
    with open(os.path.join(g, 'ssa-baby-names', 'maxoccurbysex.txt'), encoding='utf-8') as f:
        for row in csv.reader(f):
            if len(row) >= 3 and row[2].isdigit() and int(row[2]) >= min_first and len(row[0]) > 1 and row[0].lower() not in words:
                first.add(row[0])
    last = set(lex['last'])
    # Frequent surnames that are also English words ("Smith", "Brown", "Bush"): kept out of the surname list (the model's
    # features and the gazetteer recognizer would fire on every "brown"), listed apart for the span filter only.
    surname_words = set()
    with open(os.path.join(g, 'gecko-data-en_US', 'last-name.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            n = row['last_name'].strip()
            n = n[0] + n[1:].lower() if n.isupper() else n
            if n and int(row['count']) >= min_last and len(n) > 1 and n.lower() not in words:
                last.add(n)
            elif n and int(row['count']) >= min_surname_word and len(n) > 1:
                surname_words.add(n)
    cities = set(lex['cities'])
    with open(os.path.join(g, 'world-cities', 'world-cities.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            n = row['name'].strip()
            if len(n) >= 4 and n[0].isupper() and n.lower() not in words and n not in first:
                cities.add(n)
    countries = set(lex['countries'])
    with open(os.path.join(g, 'debian-tzdata', 'iso3166.tab'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '\t' not in line: continue
            countries.add(line.rstrip('\n').split('\t')[1].strip())
    return {'first_names': first, 'last_names': last, 'cities': cities, 'regions': set(lex['regions']) | WORLD_REGIONS, 'countries': countries,
            'surname_words': surname_words}


def write(out, min_first=200, min_last=2000, min_surname_word=20000):
    os.makedirs(out, exist_ok=True)
    for name, items in derive(min_first, min_last, min_surname_word).items():
        with open(os.path.join(out, name + '.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(sorted(items)) + '\n')
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as f:
        f.write(SOURCES.format(min_first=min_first, min_last=min_last, min_surname_word=min_surname_word))


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--min-first', type=int, default=200)
    ap.add_argument('--min-last', type=int, default=2000)
    ap.add_argument('--min-surname-word', type=int, default=20000)
    a = ap.parse_args()
    write(a.out, a.min_first, a.min_last, a.min_surname_word)
