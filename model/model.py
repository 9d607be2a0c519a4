"""Character-level BIO tagger for coin mentions (TickerLens local model).

Input: char ids [B, T] (int64) and lexicon/casing features [B, T, F] (int64, see
utils/model/features.ts). Output: logits [B, T, 3] over O / B / I.
Each feature channel has its own small embedding, summed into the char embedding,
then a 2-layer BiLSTM (fastest of the measured options in WASM) and a linear head.
"""
import torch
import torch.nn as nn


class CharTagger(nn.Module):
    def __init__(self, vocab_size, feature_sizes, d_model=128, hidden=128, layers=2, dropout=0.1, n_tags=3):
        super().__init__()
        self.char_emb = nn.Embedding(vocab_size, d_model, padding_idx=0)
        self.feat_embs = nn.ModuleList([nn.Embedding(n, d_model) for n in feature_sizes])
        self.emb_norm = nn.LayerNorm(d_model)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(d_model, hidden, num_layers=layers, bidirectional=True, batch_first=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.head = nn.Linear(2 * hidden, n_tags)

    def forward(self, input_ids, features):
        x = self.char_emb(input_ids)
        for k, emb in enumerate(self.feat_embs):
            x = x + emb(features[:, :, k])
        x = self.drop(self.emb_norm(x))
        h, _ = self.lstm(x)
        return self.head(self.drop(h))


def count_params(model):
    return sum(p.numel() for p in model.parameters())
