#!/usr/bin/env python3
"""Trains the default NER model on real annotated English (../shared/data/ner, see realdata.py for readers and the
fixed split) mixed with generated PII-shaped text (corpus.py: records, addresses, forms, letters).

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread nice -n 19 /usr/bin/python3 train/train_real.py --minutes 60

Each training sentence is drawn from the real train split with probability 1 - --synthetic, otherwise generated;
real sentences are case-augmented (all-lower, all-upper, title case, character by character so offsets stay) and a
few word pieces are replaced by [UNK] so unseen names are read from their context. Every --eval-minutes the entity
F1 on the real dev split is scored (and, for information, on 500 generated texts); the best dev F1 is kept in
best.pt. Reproducible with --seed up to thread timing (the time budget decides the number of steps).
"""
import argparse, json, os, random, time
import torch
import corpus, locale_data as L, wordpiece, realdata
import features as FT
import wordvectors as WV
from model import LstmTagger, TokenClassifier
from train import LABELS, decode, save
import train as base

FEATS = None  # features.Features when --features
WIDS = None  # wordvectors.WordIds when --word-vectors


def encode(wp, text, spans, max_len, ignore=True):
    """train.encode, plus IGNORE spans (user names WNUT-17 leaves unannotated): out of the loss, or O when scoring;
    the fourth item holds the word-feature bits per position ([CLS]/[SEP] 0) when --features is on, the fifth the
    pretrained word ids per position when --word-vectors is on."""
    ids, labels, offs = base.encode(wp, text, [x for x in spans if x[2] != 'IGNORE'], max_len)
    if ignore:
        for a, b, lab in spans:
            if lab == 'IGNORE':
                for i, (s, e) in enumerate(offs):
                    if s >= a and e <= b:
                        labels[i + 1] = -100
    bits = [0] + FEATS.piece_bits(text, offs) + [0] if FEATS is not None else None
    wids = [0] + WIDS.piece_ids(text, offs) + [0] if WIDS is not None else None
    return ids, labels, offs, bits, wids


BITS = torch.tensor([1 << k for k in range(FT.COUNT)])


def collate(items, drop_groups=None):
    """ids, mask, labels, features [batch, len, COUNT] (0/1 floats), word ids. drop_groups: per-row probability of zeroing
    the shape bits and (separately) the gazetteer bits, so the model also works, and can be measured, without them."""
    n = max(len(x[0]) for x in items)
    ids = torch.zeros(len(items), n, dtype=torch.long)
    mask = torch.zeros(len(items), n, dtype=torch.long)
    lab = torch.full((len(items), n), -100, dtype=torch.long)
    bits = torch.zeros(len(items), n, dtype=torch.long)
    wids = torch.zeros(len(items), n, dtype=torch.long)
    for i, (a, b, _, f, w) in enumerate(items):
        if w is not None:
            wids[i, :len(w)] = torch.tensor(w)
        ids[i, :len(a)] = torch.tensor(a); mask[i, :len(a)] = 1; lab[i, :len(b)] = torch.tensor(b)
        if f is not None:
            m = (1 << FT.COUNT) - 1
            if drop_groups:
                if random.random() < drop_groups: m &= ~FT.SHAPE_MASK
                if random.random() < drop_groups: m &= ~FT.GAZ_MASK
            bits[i, :len(f)] = torch.tensor(f) & m
    feats = ((bits.unsqueeze(-1) & BITS) != 0).to(torch.float32)
    return ids, mask, lab, feats, wids


def evaluate(model, val, device, keep=(1 << FT.COUNT) - 1, words=True):
    """Entity F1 on encoded rows; keep masks the feature bits and words=False zeroes the word ids (ablation)."""
    model.eval()
    tp = {t: 0 for t in ('PER', 'LOC', 'ORG', 'NRP')}; fp = dict(tp); fn = dict(tp)
    with torch.no_grad():
        for i in range(0, len(val), 64):
            ch = val[i:i + 64]
            ids, mask, lab, feats, wids = collate(ch)
            feats = feats * ((BITS & keep) != 0).to(torch.float32)
            pred = model(ids, mask, feats, wids if words else torch.zeros_like(wids)).argmax(-1)
            for j in range(len(ch)):
                n = len(ch[j][0])
                gold = decode(lab[j, 1:n - 1].tolist())
                got = decode(pred[j, 1:n - 1].tolist())
                for s in got: (tp if s in gold else fp)[s[2]] += 1
                for s in gold - got: fn[s[2]] += 1
    model.train()
    f1 = {t: 2 * tp[t] / max(1, 2 * tp[t] + fp[t] + fn[t]) for t in tp}
    f1['all'] = 2 * sum(tp.values()) / max(1, 2 * sum(tp.values()) + sum(fp.values()) + sum(fn.values()))
    return f1

HERE = os.path.dirname(os.path.abspath(__file__))


def recase(text, spans, rng):
    r = rng.random()
    if r < 0.09:
        f = str.lower
    elif r < 0.12:
        f = str.upper
    elif r < 0.15:
        out = []
        for i, c in enumerate(text):
            c2 = c.upper() if i == 0 or not text[i - 1].isalnum() else c
            out.append(c2 if len(c2) == 1 else c)
        return ''.join(out), spans
    else:
        return text, spans
    return ''.join(f(c) if len(f(c)) == 1 else c for c in text), spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=60)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--vocab', type=int, default=12000)
    ap.add_argument('--arch', default='lstm')
    ap.add_argument('--d', type=int, default=192)
    ap.add_argument('--conv', type=int, default=256)
    ap.add_argument('--hidden', type=int, default=192)
    ap.add_argument('--lstm-layers', type=int, default=1, help='stacked bidirectional LSTM layers')
    ap.add_argument('--dropout', type=float, default=0.25)
    ap.add_argument('--unk', type=float, default=0.04)
    ap.add_argument('--synthetic', type=float, default=0.3)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default=os.path.join(HERE, 'out'))
    ap.add_argument('--eval-minutes', type=float, default=5)
    ap.add_argument('--dev-size', type=int, default=2500)
    ap.add_argument('--resume', help='continue from this checkpoint (same vocab; fresh optimizer, short warm-up)')
    ap.add_argument('--features', action='store_true', help='word shape + gazetteer bits as model inputs (features.py)')
    ap.add_argument('--feature-dropout', type=float, default=0.15, help='per text, chance of zeroing each feature group')
    ap.add_argument('--feature-lr', type=float, default=3.0, help='learning-rate multiplier of the feature projection')
    ap.add_argument('--word-vectors', help='folder of wordvectors.py (words.txt, vectors.pt): frozen pretrained word vectors as an input')
    ap.add_argument('--word-dropout', type=float, default=0.1, help='chance of hiding a position\'s word vector (id 0) in training')
    args = ap.parse_args()
    global FEATS, WIDS
    if args.features:
        FEATS = FT.Features()
    if args.word_vectors:
        WIDS = WV.WordIds(os.path.join(args.word_vectors, 'words.txt'))
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    split = realdata.load_split()
    train = [(t, s) for _, t, s in split['train']]
    dev_rows = split['dev'][:]
    random.Random(7).shuffle(dev_rows)
    dev_rows = dev_rows[:args.dev_size]

    vocab_path = os.path.join(args.out, 'vocab.txt')
    if args.resume and not os.path.exists(vocab_path):  # continuing: the checkpoint's vocabulary
        import shutil
        shutil.copyfile(os.path.join(os.path.dirname(args.resume), 'vocab.txt'), vocab_path)
    if not os.path.exists(vocab_path):
        g = corpus.CorpusGenerator(args.seed + 1000)
        vr = random.Random(args.seed + 1)
        texts = [t for t, _ in train] + [recase(t, s, vr)[0] for t, s in train] + [g.sample()[0] for _ in range(25000)]
        texts += [t.lower() for t, _ in train[::4]]
        lex = L.lexicon(L.load_locales())
        texts += [w for k in lex for w in lex[k]]
        vocab = wordpiece.train_vocab(texts, args.vocab)
        with open(vocab_path + '.tmp', 'w', encoding='utf-8') as f:
            f.write('\n'.join(vocab) + '\n')
        os.replace(vocab_path + '.tmp', vocab_path)
    with open(vocab_path, encoding='utf-8') as f:
        vocab = [l.rstrip('\n') for l in f]
    wp = wordpiece.WordPiece(vocab)
    unk = vocab.index('[UNK]')

    train_enc = [encode(wp, t, s, args.max_len) for t, s in train]  # cased copies, encoded once
    dev = [encode(wp, t, s, args.max_len, ignore=False) for _, t, s in dev_rows]
    vg = corpus.CorpusGenerator(args.seed + 999)
    dev_syn = [encode(wp, *vg.sample(), args.max_len) for _ in range(500)]
    gen = corpus.CorpusGenerator(args.seed)

    def sample():
        if rng.random() < args.synthetic:
            return encode(wp, *gen.sample(), args.max_len)
        i = rng.randrange(len(train))
        if rng.random() < 0.15:
            return encode(wp, *recase(*train[i], rng), args.max_len)
        return train_enc[i]

    def batches():
        while True:
            pool = [sample() for _ in range(args.batch * 20)]
            pool.sort(key=lambda x: len(x[0]))
            chunks = [pool[i:i + args.batch] for i in range(0, len(pool), args.batch)]
            rng.shuffle(chunks)
            for ch in chunks:
                ids, mask, lab, feats, wids = collate(ch, args.feature_dropout if args.features else None)
                if args.unk > 0:
                    drop = (torch.rand(ids.shape) < args.unk) & (ids > 4)
                    ids = ids.masked_fill(drop, unk)
                if args.word_dropout > 0:
                    wids = wids.masked_fill(torch.rand(wids.shape) < args.word_dropout, 0)
                yield ids, mask, lab, feats, wids

    if args.arch == 'lstm':
        nwords = len(WIDS.ids) + 1 if WIDS is not None else 0
        model = LstmTagger(len(vocab), len(LABELS), args.d, args.conv, args.hidden, args.dropout, args.max_len,
                           FT.COUNT if args.features else 0, nwords, 100 if nwords else 0, args.lstm_layers)
        if nwords:
            model.load_word_vectors(os.path.join(args.word_vectors, 'vectors.pt'))
            import shutil
            shutil.copyfile(os.path.join(args.word_vectors, 'words.txt'), os.path.join(args.out, 'words.txt'))
    else:
        model = TokenClassifier(len(vocab), len(LABELS), args.d, 3, 4, 512, args.max_len)
    warmup = 300
    if args.resume:
        missing, unexpected = model.load_state_dict(torch.load(args.resume, map_location='cpu')['state'], strict=False)
        assert not unexpected and all(k.startswith(('feat.', 'wproj.', 'wq', 'ws')) for k in missing), (missing, unexpected)
        if WIDS is not None:
            model.load_word_vectors(os.path.join(args.word_vectors, 'vectors.pt'))
        print('resumed from', args.resume, '; new (zero-initialised):', missing, flush=True)
        warmup = 50
    feat_params = [p for n, p in model.named_parameters() if n.startswith(('feat.', 'wproj.'))]
    other = [p for n, p in model.named_parameters() if not n.startswith(('feat.', 'wproj.'))]
    groups = [{'params': other, 'mult': 1.0}] + ([{'params': feat_params, 'mult': args.feature_lr}] if feat_params else [])
    opt = torch.optim.AdamW(groups, lr=args.lr, weight_decay=0.01)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    it = batches()
    print(f'train {len(train)} real sentences, dev {len(dev)}; params {sum(p.numel() for p in model.parameters())/1e6:.2f}M',
          flush=True)
    start = time.time(); budget = args.minutes * 60
    step, best, last_eval, running = 0, -1.0, start, 0.0
    log = []
    while True:
        elapsed = time.time() - start
        frac = elapsed / budget
        if frac >= 1:
            break
        lr = args.lr * min(1.0, (step + 1) / warmup) * max(0.02, 1 - frac)
        for gp in opt.param_groups:
            gp['lr'] = lr * gp['mult']
        ids, mask, lab, feats, wids = next(it)
        if not (lab != -100).any():
            continue
        logits = model(ids, mask, feats, wids)
        loss = loss_fn(logits.reshape(-1, len(LABELS)), lab.reshape(-1))
        if not torch.isfinite(loss):
            print(f'step {step}: non-finite loss, batch skipped', flush=True)
            opt.zero_grad(); continue
        opt.zero_grad(); loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        if not torch.isfinite(gn):
            bad = [n for n, p in model.named_parameters() if p.grad is not None and not torch.isfinite(p.grad).all()]
            print(f'step {step}: non-finite gradient in {bad} (batch {tuple(ids.shape)}), skipped', flush=True)
            opt.zero_grad(); continue
        opt.step(); step += 1
        running = 0.98 * running + 0.02 * loss.item()
        if step % 200 == 0 or step < 100 and step % 10 == 0:
            print(f'step {step} t={elapsed:.0f}s lr={lr:.2e} loss={running:.4f}', flush=True)
        if time.time() - last_eval > args.eval_minutes * 60:
            best = checkpoint(model, args, vocab, step, dev, dev_syn, best, log)
            last_eval = time.time()
    checkpoint(model, args, vocab, step, dev, dev_syn, best, log, ablate=True)


def checkpoint(model, args, vocab, step, dev, dev_syn, best, log, ablate=False):
    f1 = evaluate(model, dev, 'cpu')
    syn = evaluate(model, dev_syn, 'cpu')
    score = (f1['PER'] * 2 + f1['LOC'] + f1['ORG']) / 4  # PERSON matters most
    print(f'eval step {step}: dev ' + ' '.join(f'{k}={v:.4f}' for k, v in f1.items() if k != 'NRP') +
          f' | synthetic all={syn["all"]:.4f} | score {score:.4f}', flush=True)
    entry = {'step': step, 'dev': f1, 'synthetic': syn, 'score': score}
    if (FEATS is not None or WIDS is not None) and ablate:  # ablation at inference: one input group zeroed
        runs = (('no_shape', FT.GAZ_MASK, True), ('no_gazetteer', FT.SHAPE_MASK, True), ('no_word_vectors', FT.GAZ_MASK | FT.SHAPE_MASK, False),
                ('none', 0, False))
        for name, keep, words in runs:
            entry[name] = evaluate(model, dev, 'cpu', keep, words)
        print('  ablation ' + ' '.join(f'{k}: PER={entry[k]["PER"]:.4f} LOC={entry[k]["LOC"]:.4f} ORG={entry[k]["ORG"]:.4f}'
                                       for k, _, _ in runs), flush=True)
    log.append(entry)
    with open(os.path.join(args.out, 'log.json'), 'w') as f:
        json.dump(log, f, indent=1)
    save(model, args, vocab, os.path.join(args.out, 'last.pt'), step, f1)
    if score > best:
        save(model, args, vocab, os.path.join(args.out, 'best.pt'), step, f1)
        return score
    return best


if __name__ == '__main__':
    main()
