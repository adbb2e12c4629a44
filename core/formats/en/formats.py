"""English as British visitors read it: "3 April 2027", not Django's American "April 3, 2027".

Django has no en-GB module that `en` would use (and its en_GB one abbreviates the month).
Only the display formats change; the input formats (forms, the admin's date pickers) and
the numbers stay Django's `en` ones, which Django falls back to for what is not set here.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
