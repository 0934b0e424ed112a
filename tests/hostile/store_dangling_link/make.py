"""A relative link to a file in a folder that is not there."""
import os

os.symlink(os.path.join("..", "synced", "contacts.csv"), os.path.join("log", "contacts.csv"))
