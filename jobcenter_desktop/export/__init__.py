"""Excel export and import (issue: Excel worklists). Depends on core only."""
