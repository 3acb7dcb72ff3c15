"""The one error a reform file raises: every problem found, listed together."""


class ReformFileError(ValueError):
    """A reform (file or in-memory diff) is malformed; ``problems`` lists each problem, path first."""

    def __init__(self, source, problems):
        self.source = str(source)
        self.problems = list(problems)
        count = len(self.problems)
        heading = f"{self.source}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n  - ".join([heading, *self.problems]))
