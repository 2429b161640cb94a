"""BERT-style cased tokenization (basic split + WordPiece) with character offsets, and a small WordPiece vocab trainer.

The C# tokenizer (Pii/Detection/Ner/WordPieceTokenizer.cs) implements the same rules; keep them in step.
"""
import collections, unicodedata

SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']


def is_whitespace(c):
    return c in ' \t\n\r' or unicodedata.category(c) == 'Zs'


def is_control(c):
    if c in '\t\n\r':
        return False
    return unicodedata.category(c) in ('Cc', 'Cf')


def is_punctuation(c):
    o = ord(c)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(c).startswith('P')


def is_cjk(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF or 0x2A700 <= o <= 0x2B73F or
            0x2B740 <= o <= 0x2B81F or 0x2B820 <= o <= 0x2CEAF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F)


def basic_words(text):
    """Yields (start, end) of words: whitespace-separated, with each punctuation and CJK char its own word."""
    start = -1
    for i, c in enumerate(text):
        if is_whitespace(c) or is_control(c) or c == '\0' or c == '\ufffd':
            if start >= 0:
                yield start, i
                start = -1
        elif is_punctuation(c) or is_cjk(c):
            if start >= 0:
                yield start, i
                start = -1
            yield i, i + 1
        elif start < 0:
            start = i
    if start >= 0:
        yield start, len(text)


def lower(w):
    """Lower-cases character by character (a character whose lower case is longer stays), as the C# side does."""
    return ''.join(c.lower() if len(c.lower()) == 1 else c for c in w)


def per_piece(text, offs, value):
    """value(word) for the basic word each piece (offs: the pieces' (start, end)) lies in, 0 outside words; every
    piece of a word gets its word's value."""
    out = []
    words = list(basic_words(text))
    j = 0
    for s, _ in offs:
        while j < len(words) and words[j][1] <= s:
            j += 1
        if j < len(words) and words[j][0] <= s:
            ws, we = words[j]
            out.append(value(text[ws:we]))
        else:
            out.append(0)
    return out


class WordPiece:
    def __init__(self, vocab):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.unk = self.vocab['[UNK]']

    def tokenize(self, text):
        """Returns ids and (start, end) character offsets per token, no [CLS]/[SEP]."""
        ids, offs = [], []
        for ws, we in basic_words(text):
            word = text[ws:we]
            if len(word) > 100:
                ids.append(self.unk); offs.append((ws, we)); continue
            pieces, s, bad = [], 0, False
            while s < len(word):
                e = len(word)
                cur = None
                while s < e:
                    sub = word[s:e] if s == 0 else '##' + word[s:e]
                    if sub in self.vocab:
                        cur = self.vocab[sub]
                        break
                    e -= 1
                if cur is None:
                    bad = True
                    break
                pieces.append((cur, ws + s, ws + e))
                s = e
            if bad:
                ids.append(self.unk); offs.append((ws, we))
            else:
                for p, a, b in pieces:
                    ids.append(p); offs.append((a, b))
        return ids, offs


def train_vocab(texts, size=12000, min_char_count=2):
    words = collections.Counter()
    for t in texts:
        for a, b in basic_words(t):
            words[t[a:b]] += 1
    chars = collections.Counter()
    for w, n in words.items():
        for c in w:
            chars[c] += n
    vocab = list(SPECIALS)
    keep_chars = [c for c, n in chars.most_common() if n >= min_char_count]
    vocab += keep_chars + ['##' + c for c in keep_chars]
    budget = size - len(vocab)
    whole = [w for w, n in words.most_common() if len(w) > 1 and n >= 3][: budget // 2]
    vocab += whole
    have = set(vocab)
    # Sub-word pieces: frequent prefixes and continuations, weighted by the characters they save.
    pieces = collections.Counter()
    for w, n in words.items():
        if len(w) < 3:
            continue
        for L in range(2, min(8, len(w)) + 1):
            pieces[w[:L]] += n * (L - 1)
        for s in range(1, len(w)):
            for L in range(2, min(6, len(w) - s) + 1):
                pieces['##' + w[s:s + L]] += n * (L - 1)
    for p, _ in pieces.most_common():
        if len(vocab) >= size:
            break
        if p not in have:
            vocab.append(p); have.add(p)
    return vocab
