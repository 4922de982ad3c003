"""flows.monitor's fetch windows: consecutive items of one host, at most FETCH_WINDOW, in order."""

from __future__ import annotations

from flows.monitor import FETCH_WINDOW, _windows, host_tag


def test_windows_keep_the_order_and_split_on_a_new_host_or_a_full_window() -> None:
    urls = [f"https://a.example/{i}" for i in range(FETCH_WINDOW + 3)]
    urls += ["https://b.example/0", "https://a.example/x"]
    windows = list(_windows(urls, host_tag))
    assert [u for w in windows for u in w] == urls
    assert [len(w) for w in windows] == [FETCH_WINDOW, 3, 1, 1]
    assert all(len({host_tag(u) for u in w}) == 1 for w in windows)


def test_pages_already_fetched_form_windows_of_their_own() -> None:
    fetched = {"https://a.example/1"}
    key = lambda url: None if url in fetched else host_tag(url)  # noqa: E731
    windows = list(_windows(["https://a.example/0", "https://a.example/1", "https://a.example/2"], key))
    assert windows == [["https://a.example/0"], ["https://a.example/1"], ["https://a.example/2"]]
