"""The README's C and Python examples, as written: a fenced block follows a marker line
`<!-- example: NAME -->` (the code) or `<!-- output: NAME -->` (what the code prints).

  readme_examples.py README block example c     prints the C example's code
  readme_examples.py README block output c      prints what it must print
  readme_examples.py README doctest python      runs the Python session (doctest); exit 1 on failure
"""
import doctest
import re
import sys


def block(readme: str, kind: str, name: str) -> str:
    text = open(readme, encoding="utf-8").read()
    m = re.search(rf"^<!-- {kind}: {re.escape(name)} -->\n```[\w-]*\n(.*?)^```\n", text, re.M | re.S)
    if not m:
        sys.exit(f"{readme}: no block after <!-- {kind}: {name} -->")
    return m.group(1)


def main() -> None:
    readme, command = sys.argv[1], sys.argv[2]
    if command == "block":
        sys.stdout.write(block(readme, sys.argv[3], sys.argv[4]))
    elif command == "doctest":
        session = block(readme, "example", sys.argv[3])
        test = doctest.DocTestParser().get_doctest(session, {}, f"README {sys.argv[3]} example", readme, 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        result = runner.summarize(verbose=False)
        print(f"README {sys.argv[3]} session: {result.attempted} examples, {result.failed} failed")
        sys.exit(1 if result.failed or not result.attempted else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
