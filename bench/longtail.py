"""The walk through the long-tail pools over a whole bench run: each scenario continues where the previous one
that used the same pool stopped, so that no URL is requested twice until its pool is used up (then it starts
over, and the requests that reused a URL are counted)."""

from pathlib import Path


class Walk:
    def __init__(self, pools: dict[str, list[str]]):
        self.pools = pools
        self.used = dict.fromkeys(pools, 0)

    def urls(self, kinds: list[str]) -> list[str]:
        """The order in which a scenario of these kinds requests URLs: the kinds in turn, each from where its
        pool was left (a shorter pool starts over sooner)."""
        kinds = self._filled(kinds)
        rounds = max((len(self.pools[kind]) for kind in kinds), default=0)
        return [self._url(kind, self.used[kind] + i) for i in range(rounds) for kind in kinds]

    def advance(self, kinds: list[str], sent: int) -> int:
        """Moves past the `sent` URLs of a scenario; returns how many of them had been requested before."""
        kinds = self._filled(kinds)
        reused = 0
        for j, kind in enumerate(kinds):
            taken = sent // len(kinds) + (j < sent % len(kinds))
            fresh = max(0, len(self.pools[kind]) - self.used[kind])
            reused += max(0, taken - fresh)
            self.used[kind] += taken
        return reused

    def _filled(self, kinds: list[str]) -> list[str]:
        return [kind for kind in kinds if self.pools.get(kind)]

    def _url(self, kind: str, position: int) -> str:
        pool = self.pools[kind]
        return pool[position % len(pool)]


def write_pool_file(path: Path, urls: list[str]) -> Path:
    path.write_text("".join(f"{url}\n" for url in urls))
    return path
