"""Progress on stderr for the long commands (ingest, recode): a rich bar on a terminal, plain lines
otherwise, behind one interface."""

from __future__ import annotations

import click


def progress_bar():
    """A rich progress bar on stderr (articles, articles/s), or None when stderr is no terminal."""
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    console = Console(stderr=True)
    if not console.is_terminal:
        return None

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")

    return Progress(SpinnerColumn(), TextColumn("{task.description}"),
                    TextColumn("{task.completed:>7.0f} articles"), Rate(), TimeElapsedColumn(),
                    console=console, transient=True)


class ArticleProgress:
    """The progress bar of a long command (``progress_bar``), or nothing when stderr is no terminal:
    callers report and print through it the same way in both cases."""

    def __init__(self, label: str):
        self.label = label
        self.bar = progress_bar()
        self.task = self.bar.add_task(label, total=None) if self.bar else None

    def __enter__(self) -> "ArticleProgress":
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self, n: int) -> None:
        """Count ``n`` more articles done."""
        if self.bar is not None:
            self.bar.update(self.task, advance=n)

    def loading(self, now: bool) -> None:
        """Say that the coder is loading (``now``), or back to the label when it is loaded."""
        if self.bar is not None:
            self.bar.update(self.task, description="loading the coder" if now else self.label)

    def say(self, message: str) -> None:
        """Print a line on stderr without breaking the bar."""
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)
