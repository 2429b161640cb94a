"""A small BERT-style token classifier in plain PyTorch (export-friendly: Linear, MatMul, Softmax, LayerNorm)."""
import math
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, d, heads, ffn, dropout):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.ln1 = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ffn)
        self.ff2 = nn.Linear(ffn, d)
        self.ln2 = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias):
        b, s, d = x.shape
        h = self.heads
        q, k, v = self.qkv(x).reshape(b, s, 3, h, d // h).permute(2, 0, 3, 1, 4)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d // h)) + bias
        att = self.drop(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(b, s, d)
        x = self.ln1(x + self.drop(self.out(y)))
        y = self.ff2(self.drop(torch.nn.functional.gelu(self.ff1(x))))
        return self.ln2(x + self.drop(y))


class TokenClassifier(nn.Module):
    def __init__(self, vocab_size, labels, d=256, layers=4, heads=4, ffn=768, max_len=256, dropout=0.1):
        super().__init__()
        self.config = dict(vocab_size=vocab_size, labels=labels, d=d, layers=layers, heads=heads, ffn=ffn,
                           max_len=max_len, dropout=dropout)
        self.tok = nn.Embedding(vocab_size, d)
        self.pos = nn.Embedding(max_len, d)
        self.ln = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList([Block(d, heads, ffn, dropout) for _ in range(layers)])
        self.head = nn.Linear(d, labels)

    def forward(self, input_ids, attention_mask):
        s = input_ids.shape[1]
        pos = torch.arange(s, device=input_ids.device).unsqueeze(0)
        x = self.drop(self.ln(self.tok(input_ids) + self.pos(pos)))
        bias = (1.0 - attention_mask.to(x.dtype)).unsqueeze(1).unsqueeze(2) * -10000.0
        for blk in self.blocks:
            x = blk(x, bias)
        return self.head(x)


class LstmTagger(nn.Module):
    """Word-piece embeddings → a width-3 convolution (piece n-grams: word shape, affixes) → one bidirectional LSTM
    layer → labels. Same inputs and output as TokenClassifier, so the C# side runs either. Learns much faster than
    the encoder on ~1M tokens of real text on a CPU. Padded positions are zeroed; the backward direction sees the
    (few) padded positions first, which training with padded batches teaches it to ignore."""

    def __init__(self, vocab_size, labels, d=192, conv=256, hidden=192, dropout=0.25, max_len=128, features=0,
                 words=0, word_dim=0, lstm_layers=1):
        super().__init__()
        self.config = dict(arch='lstm', vocab_size=vocab_size, labels=labels, d=d, conv=conv, hidden=hidden,
                           dropout=dropout, max_len=max_len, features=features, words=words, word_dim=word_dim,
                           lstm_layers=lstm_layers)
        self.tok = nn.Embedding(vocab_size, d)
        # Optional per-piece word features (features.py: shape + gazetteer bits, as 0/1 floats), projected and added to
        # the piece embedding. Zero-initialised so that a model without them is the starting point.
        self.feat = nn.Linear(features, d, bias=False) if features else None
        if self.feat is not None:
            nn.init.zeros_(self.feat.weight)
        # Optional frozen pretrained word vectors (wordvectors.py: int8 rows + one scale per row, id 0 = none), projected
        # and added like the features. Buffers, not parameters: training never moves them, so unseen words keep GloVe's
        # neighbourhoods. Filled by load_word_vectors (or from the checkpoint).
        self.wproj = None
        if words:
            self.register_buffer('wq', torch.zeros(words, word_dim, dtype=torch.int8))
            self.register_buffer('ws', torch.zeros(words))
            self.wproj = nn.Linear(word_dim, d, bias=False)
        self.conv = nn.Linear(3 * d, conv)  # a width-3 convolution as shifts + Linear (Debian torch's Conv1d backward misbehaves)
        # Stacked layers (lstm_layers > 1) get dropout between them; ONNX export writes one LSTM node per layer.
        self.lstm = nn.LSTM(d + conv, hidden, num_layers=lstm_layers, batch_first=True, bidirectional=True,
                            dropout=dropout if lstm_layers > 1 else 0.0)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, labels)

    def load_word_vectors(self, path):
        v = torch.load(path, map_location='cpu')
        self.wq.copy_(v['q']); self.ws.copy_(v['scale'])

    def forward(self, input_ids, attention_mask, word_features=None, word_ids=None):
        m = attention_mask.to(torch.float32).unsqueeze(-1)
        e = self.tok(input_ids)
        if self.feat is not None:
            e = e + self.feat(word_features)
        if self.wproj is not None:
            e = e + self.wproj(self.wq[word_ids].to(torch.float32) * self.ws[word_ids].unsqueeze(-1))
        x = self.drop(e) * m
        z = torch.zeros_like(x[:, :1])
        win = torch.cat([torch.cat([z, x[:, :-1]], 1), x, torch.cat([x[:, 1:], z], 1)], dim=-1)
        c = torch.relu(self.conv(win)) * m
        y, _ = self.lstm(torch.cat([x, c], dim=-1))
        return self.head(self.drop(y))


def build(cfg, dropout=None):
    if cfg.get('arch') == 'lstm':
        return LstmTagger(cfg['vocab_size'], cfg['labels'], cfg['d'], cfg['conv'], cfg['hidden'],
                          cfg['dropout'] if dropout is None else dropout, cfg['max_len'], cfg.get('features', 0),
                          cfg.get('words', 0), cfg.get('word_dim', 0), cfg.get('lstm_layers', 1))
    return TokenClassifier(cfg['vocab_size'], cfg['labels'], cfg['d'], cfg['layers'], cfg['heads'], cfg['ffn'],
                           cfg['max_len'], cfg['dropout'] if dropout is None else dropout)
