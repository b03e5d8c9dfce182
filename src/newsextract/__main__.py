"""`python -m newsextract …` runs the command line, as the `newsextract` command does."""

from newsextract.cli import main

if __name__ == "__main__":
    main()
