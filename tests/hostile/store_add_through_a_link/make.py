"""log/contacts.csv is a relative link to synced/contacts.csv."""
import os

os.symlink(os.path.join("..", "synced", "contacts.csv"), os.path.join("log", "contacts.csv"))
