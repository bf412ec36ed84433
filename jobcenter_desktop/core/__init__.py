"""Pure domain logic: rules, the working-day calendar, deadlines and urgency.

Nothing here imports Qt, SQLAlchemy or openpyxl, and nothing asks the clock: "today" is always passed in.
"""
