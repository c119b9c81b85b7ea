from .cli import main

if __name__ == "__main__":  # worker processes of a batch run import this module again
    main()
