"""How long masking a comment takes on the submission path (feedback/rules/masking.py).

    .venv/bin/python bench/masking_bench.py [--officers 2000]

Prints microseconds per comment for a plain comment, one with personal data, and
one typed in full-width characters, with the demo's officers and with a Pemda
of --officers generated names; and how long compiling the names' pattern takes
(done once per process, again only when the officers change). No database.
"""

import argparse
import os
import random
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

from feedback.rules.masking import compile_officer_names, mask_personal_data
from portal.demo.catalog import OFFICER_NAMES  # noqa: E402

COMMENTS = {
    "plain": "Antrean cukup lama, sekitar 2 jam. Ruang tunggu bersih tapi panas, "
    "mohon ditambah kipas angin. Petugas loket 3 ramah dan membantu.",
    "personal data": "Petugas Siti Nurjanah (NIP 19850312 201001 1 003) minta uang. "
    "Hubungi saya 0812-3456-7890 atau budi (at) gmail (dot) com, NIK 3301012345678901.",
    "full-width": "Ｐｅｔｕｇａｓ ramah, hp ０８１２３４５６７８９０, antre 2 jam.",
}


def generated_names(count: int) -> list[str]:
    rng = random.Random(16)
    first = ["Siti", "Sri", "Agus", "Dwi", "Eko", "Tri", "Budi", "Dewi", "Asep", "Euis", "Rina"]
    middle = ["Nur", "Wahyu", "Lestari", "Prasetyo", "Hidayat", "Rahma", "Indah", "Putra"]
    last = ["Santoso", "Wibowo", "Handayani", "Saputra", "Kurniawan", "Susanti", "Hartono"]
    return [
        f"{rng.choice(first)} {rng.choice(middle)} {rng.choice(last)}{i}, S.Sos."
        for i in range(count)
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=2000)
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args()
    sets = {
        "no names": None,
        f"demo ({len(OFFICER_NAMES)} officers)": [n for n, _, _ in OFFICER_NAMES],
        f"{args.officers} officers": generated_names(args.officers),
    }
    print(f"{'names':<22} {'comment':<14} {'us/comment':>10}")
    for label, names in sets.items():
        pattern = None
        if names is not None:
            seconds = timeit.timeit(lambda n=names: compile_officer_names(n), number=1)
            pattern = compile_officer_names(names)
            print(f"{label:<22} {'(compile)':<14} {seconds * 1e6:>10.0f}")
        for kind, text in COMMENTS.items():
            per = timeit.timeit(
                lambda t=text, p=pattern: mask_personal_data(t, officer_names=p),
                number=args.number,
            )
            print(f"{label:<22} {kind:<14} {per / args.number * 1e6:>10.1f}")


if __name__ == "__main__":
    main()
