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
from model import LstmTagger, TokenClassifier
from train import LABELS, collate, evaluate, save
import train as base


def encode(wp, text, spans, max_len, ignore=True):
    """train.encode, plus IGNORE spans (user names WNUT-17 leaves unannotated): out of the loss, or O when scoring."""
    ids, labels, offs = base.encode(wp, text, [x for x in spans if x[2] != 'IGNORE'], max_len)
    if ignore:
        for a, b, lab in spans:
            if lab == 'IGNORE':
                for i, (s, e) in enumerate(offs):
                    if s >= a and e <= b:
                        labels[i + 1] = -100
    return ids, labels, offs

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
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    split = realdata.load_split()
    train = [(t, s) for _, t, s in split['train']]
    dev_rows = split['dev'][:]
    random.Random(7).shuffle(dev_rows)
    dev_rows = dev_rows[:args.dev_size]

    vocab_path = os.path.join(args.out, 'vocab.txt')
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
                ids, mask, lab = collate(ch)
                if args.unk > 0:
                    drop = (torch.rand(ids.shape) < args.unk) & (ids > 4)
                    ids = ids.masked_fill(drop, unk)
                yield ids, mask, lab

    if args.arch == 'lstm':
        model = LstmTagger(len(vocab), len(LABELS), args.d, args.conv, args.hidden, args.dropout, args.max_len)
    else:
        model = TokenClassifier(len(vocab), len(LABELS), args.d, 3, 4, 512, args.max_len)
    warmup = 300
    if args.resume:
        model.load_state_dict(torch.load(args.resume, map_location='cpu')['state'])
        warmup = 50
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
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
            gp['lr'] = lr
        ids, mask, lab = next(it)
        if not (lab != -100).any():
            continue
        logits = model(ids, mask)
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
    checkpoint(model, args, vocab, step, dev, dev_syn, best, log)


def checkpoint(model, args, vocab, step, dev, dev_syn, best, log):
    f1 = evaluate(model, dev, 'cpu')
    syn = evaluate(model, dev_syn, 'cpu')
    score = (f1['PER'] * 2 + f1['LOC'] + f1['ORG']) / 4  # PERSON matters most
    print(f'eval step {step}: dev ' + ' '.join(f'{k}={v:.4f}' for k, v in f1.items() if k != 'NRP') +
          f' | synthetic all={syn["all"]:.4f} | score {score:.4f}', flush=True)
    log.append({'step': step, 'dev': f1, 'synthetic': syn, 'score': score})
    with open(os.path.join(args.out, 'log.json'), 'w') as f:
        json.dump(log, f, indent=1)
    save(model, args, vocab, os.path.join(args.out, 'last.pt'), step, f1)
    if score > best:
        save(model, args, vocab, os.path.join(args.out, 'best.pt'), step, f1)
        return score
    return best


if __name__ == '__main__':
    main()
