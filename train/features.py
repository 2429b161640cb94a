"""Per-word input features for the model (word shape + gazetteer membership), one bit mask per word piece.

The C# side (Pii/Detection/Ner/NerFeatures.cs) computes the same bits from the same gazetteer folder; keep them in
step. A word is a basic-tokenizer word (wordpiece.basic_words); every piece of a word carries the word's bits.

  bit 0  capitalised: the first character is an upper-case letter and the word has a lower-case letter
  bit 1  all capitals: at least two letters, none lower-case
  bit 2  all lower-case: has a letter, none upper-case
  bit 3  has a digit
  bit 4  a first name of the gazetteer (looked up as written, else title-cased)
  bit 5  a surname of the gazetteer (likewise)
  bit 6  a place: city, region or country (likewise)
  bit 7  an English word (english_words.txt, looked up lower-cased)
"""
import os
import wordpiece

COUNT = 8
SHAPE_MASK = 0x0F
GAZ_MASK = 0xF0
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, '..', 'models', 'piiorleans-ner-small', 'gazetteer')


def _read(path):
    if not os.path.exists(path):
        return set()
    with open(path, encoding='utf-8') as f:
        return {l.strip() for l in f if len(l.strip()) > 1}


def _title(w):
    out = []
    for i, c in enumerate(w):
        c2 = c.upper() if i == 0 else c.lower()
        out.append(c2 if len(c2) == 1 else c)
    return ''.join(out)


class Features:
    def __init__(self, directory=DEFAULT_DIR):
        self.first = _read(os.path.join(directory, 'first_names.txt'))
        self.last = _read(os.path.join(directory, 'last_names.txt'))
        self.places = (_read(os.path.join(directory, 'cities.txt')) | _read(os.path.join(directory, 'regions.txt'))
                       | _read(os.path.join(directory, 'countries.txt')))
        self.words = _read(os.path.join(directory, 'english_words.txt'))
        self.cache = {}

    def word_bits(self, w):
        b = self.cache.get(w)
        if b is not None:
            return b
        b = 0
        up = any(c.isupper() for c in w)
        low = any(c.islower() for c in w)
        letters = sum(1 for c in w if c.isalpha())
        if w[0].isupper() and low:
            b |= 1
        if letters >= 2 and not low:
            b |= 2
        if letters >= 1 and not up:
            b |= 4
        if any(c.isdigit() for c in w):
            b |= 8
        if 1 < len(w) <= 64:
            t = None
            def look(s):
                nonlocal t
                if w in s:
                    return True
                if t is None:
                    t = _title(w)
                return t != w and t in s
            if look(self.first): b |= 16
            if look(self.last): b |= 32
            if look(self.places): b |= 64
            if wordpiece.lower(w) in self.words: b |= 128
        if len(self.cache) < 500000:
            self.cache[w] = b
        return b

    def piece_bits(self, text, offs):
        """Bits per piece (offs: the pieces' (start, end)); pieces inside one basic word share its bits."""
        return wordpiece.per_piece(text, offs, self.word_bits)
