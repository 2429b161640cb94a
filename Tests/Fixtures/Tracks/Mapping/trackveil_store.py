"""A stand-in for Track Veil's MappingStore (spec section 5), used to write and check fixture databases with CPython.

Usage: python3 trackveil_store.py write DB      -> writes trackveil-python.db the way Track Veil does (seed 12345)
       python3 trackveil_store.py continue DB   -> opens a DB written by PiiOrleans, prints the next names Track Veil would allocate
"""
import random
import re
import sqlite3
import sys
from datetime import datetime



def pools(seed, plantimals):
    teams = [f"T{i:03d}" for i in range(1, 1000)]
    random.Random(seed).shuffle(teams)
    rng = random.Random(seed)
    words = list(plantimals)
    rng.shuffle(words)
    cvc = [a + b + c for a in "bcdfghjklmnprstvwxz" for b in "aeiou" for c in "bcdfghjklmnprstvwxz"]
    cvc = [n for n in cvc if n not in set(plantimals)]
    rng.shuffle(cvc)
    return teams, words + cvc


class Store:
    def __init__(self, path, plantimals, seed=None):
        self.db = sqlite3.connect(path)
        self.db.executescript(open(path_of("schema.sql")).read())
        row = self.db.execute("SELECT value FROM metadata WHERE key='seed'").fetchone()
        if row is None:
            self.seed = seed
            self.db.execute("INSERT OR REPLACE INTO metadata VALUES ('seed', ?)", (str(seed),))
            self.db.execute("INSERT OR REPLACE INTO metadata VALUES ('created_at', ?)", (datetime.now().isoformat(),))
            self.db.commit()
        else:
            self.seed = int(row[0])
        self.team_pool, self.run_pool = pools(self.seed, plantimals)
        t = self.db.execute("SELECT value FROM metadata WHERE key='team_pool_index'").fetchone()
        r = self.db.execute("SELECT value FROM metadata WHERE key='run_pool_index'").fetchone()
        self.idx = {"team": int(t[0]), "run": int(r[0])} if t and r else {"team": 0, "run": 0}

    def get_or_create(self, kind, original):
        table = kind + "_mappings"
        row = self.db.execute(f"SELECT anonymized FROM {table} WHERE original=?", (original,)).fetchone()
        if row:
            return row[0]
        pool = self.team_pool if kind == "team" else self.run_pool
        while True:
            if self.idx[kind] >= len(pool):
                raise RuntimeError("Exhausted")
            name = pool[self.idx[kind]]
            self.idx[kind] += 1
            try:
                self.db.execute(f"INSERT INTO {table} VALUES (?, ?, ?)", (original, name, datetime.now().isoformat()))
                self.db.commit()
            except sqlite3.IntegrityError:
                self.db.execute("INSERT OR IGNORE INTO invalidated_names VALUES (?, ?, ?)", (kind, name, datetime.now().isoformat()))
                self.db.commit()
                continue
            for key in ("team", "run"):
                self.db.execute("INSERT OR REPLACE INTO metadata VALUES (?, ?)", (f"{key}_pool_index", str(self.idx[key])))
            self.db.commit()
            return name


def path_of(name):
    import os
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), name)


if __name__ == "__main__":
    command, db = sys.argv[1], sys.argv[2]
    plantimals = re.findall(r'"([a-z]+)"', open(path_of("plantimals.txt")).read())
    if command == "write":
        store = Store(db, plantimals, seed=12345)
        for i in range(1, 4):
            store.get_or_create("run", f"team{i}-run1")
            store.get_or_create("team", f"team{i}")
        store.db.execute("INSERT OR IGNORE INTO report_fingerprints VALUES (?,?,?,?,?,?,?)",
                         ("5a34c49d7b9189c8c6803c5ec00c29ca98b801b4f5497ea8f5d14c8df6684b33", "team1", "team1-run1", "995",
                          store.get_or_create("team", "team1"), store.get_or_create("run", "team1-run1"), datetime.now().isoformat()))
        store.db.commit()
    else:
        store = Store(db, plantimals)
        print(store.get_or_create("run", "python-new-run"), store.get_or_create("team", "python-new-team"))
