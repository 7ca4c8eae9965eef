"""Times the GestaltMatcher reference's own encoder loop on this machine, for bench:ml to compare with.

The reference encodes one photo as batch-1 forward passes in PyTorch, models r50, r100, r100, with
flip x gray test-time augmentation (12 passes) or only the plain crop (3 passes), at PyTorch's default
thread count. This script builds the same insightface iResNet architectures (random weights: only
the time matters), runs those loops and prints one JSON line:
  {"torch": version, "threads": n, "slots12_ms": median, "slots3_ms": median}
Needs Debian's python3-torch (`apt-get install python3-torch`; run with /usr/bin/python3).
Usage: reference_torch.py [--runs N] [--threads N]
"""
import argparse
import json
import time

import torch
from torch import nn


class Block(nn.Module):
    """insightface IBasicBlock: BN, conv3x3, BN, PReLU, conv3x3 (strided), BN, plus the shortcut."""

    def __init__(self, inputs, width, stride):
        super().__init__()
        self.residual = nn.Sequential(
            nn.BatchNorm2d(inputs),
            nn.Conv2d(inputs, width, 3, 1, 1, bias=False),
            nn.BatchNorm2d(width),
            nn.PReLU(width),
            nn.Conv2d(width, width, 3, stride, 1, bias=False),
            nn.BatchNorm2d(width),
        )
        self.shortcut = (
            nn.Sequential(nn.Conv2d(inputs, width, 1, stride, bias=False), nn.BatchNorm2d(width))
            if stride != 1 or inputs != width
            else None
        )

    def forward(self, x):
        return self.residual(x) + (x if self.shortcut is None else self.shortcut(x))


class IResNet(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.PReLU(64))
        blocks, inputs = [], 64
        for count, width in zip(layers, (64, 128, 256, 512)):
            for i in range(count):
                blocks.append(Block(inputs, width, 2 if i == 0 else 1))
                inputs = width
        self.body = nn.Sequential(*blocks)
        self.bn = nn.BatchNorm2d(512)
        self.fc = nn.Linear(512 * 7 * 7, 512)
        self.features = nn.BatchNorm1d(512)

    def forward(self, x):
        return self.features(self.fc(torch.flatten(self.bn(self.body(self.stem(x))), 1)))


def median_ms(fn, runs):
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="0: PyTorch's default, as the reference runs")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    models = [IResNet(layers).eval() for layers in ((3, 4, 14, 3), (3, 13, 30, 3), (3, 13, 30, 3))]
    crop = torch.randn(1, 3, 112, 112)
    variants = [crop, torch.flip(crop, dims=[3]), crop.mean(1, keepdim=True).expand(1, 3, 112, 112), torch.flip(crop, dims=[3]).mean(1, keepdim=True).expand(1, 3, 112, 112)]
    with torch.no_grad():
        slots12 = median_ms(lambda: [m(v) for m in models for v in variants], args.runs)
        slots3 = median_ms(lambda: [m(crop) for m in models], args.runs)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "slots12_ms": round(slots12, 1), "slots3_ms": round(slots3, 1)}))


if __name__ == "__main__":
    main()
