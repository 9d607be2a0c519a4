"""Character-level BIO tagger for coin mentions (TickerLens local model).

Input: char ids [B, T] (int64, 0 = padding) and lexicon/casing features [B, T, F]
(int64, see utils/model/features.ts). Output: logits [B, T, 3] over O / B / I.
Each feature channel has its own small embedding, summed into the char embedding,
then residual blocks of a dilated depthwise conv (local context) plus the post's
masked mean (global context: "stocks" at the end of a post) and a ReLU feed-forward.
Padding is zeroed before every conv, so a post gets the same logits alone or in a
padded batch. ReLU, not GELU: Erf is slow in onnxruntime-web WASM.
"""
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, d, kernel, dilation, expansion, dropout):
        super().__init__()
        self.conv = nn.Conv1d(d, d, kernel, padding=dilation * (kernel - 1) // 2, dilation=dilation, groups=d)
        self.context = nn.Linear(d, d)
        self.norm = nn.LayerNorm(d)
        self.up = nn.Linear(d, expansion * d)
        self.down = nn.Linear(expansion * d, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask, n):
        x = x * mask
        mean = x.sum(1, keepdim=True) / n
        h = self.conv(x.transpose(1, 2)).transpose(1, 2) + self.context(mean)
        h = self.down(torch.relu(self.up(self.norm(h))))
        return x + self.drop(h)


class CharTagger(nn.Module):
    def __init__(self, vocab_size, feature_sizes, d_model=96, blocks=4, kernel=7, dilations=(1, 2, 4, 8),
                 expansion=2, dropout=0.1, n_tags=3):
        super().__init__()
        self.char_emb = nn.Embedding(vocab_size, d_model, padding_idx=0)
        self.feat_embs = nn.ModuleList([nn.Embedding(n, d_model) for n in feature_sizes])
        self.emb_norm = nn.LayerNorm(d_model)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(
            [Block(d_model, kernel, dilations[i % len(dilations)], expansion, dropout) for i in range(blocks)])
        self.out_norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, n_tags)

    def forward(self, input_ids, features):
        mask = (input_ids > 0).unsqueeze(-1).float()
        n = mask.sum(1, keepdim=True).clamp_min(1.0)
        x = self.char_emb(input_ids)
        for k, emb in enumerate(self.feat_embs):
            x = x + emb(features[:, :, k])
        x = self.drop(self.emb_norm(x))
        for block in self.blocks:
            x = block(x, mask, n)
        return self.head(self.out_norm(x))


def count_params(model):
    return sum(p.numel() for p in model.parameters())
