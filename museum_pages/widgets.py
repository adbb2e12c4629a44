"""Admin widgets of the museum pages."""

from django import forms


class LanguageCodesInput(forms.CheckboxSelectMultiple):
    """A comma-separated field of language codes ("fr,en") as checkboxes with the languages'
    names: editors tick "anglais" instead of typing codes they must know. The value stays
    the same string; a code not in the list (saved before) is kept, shown with its code."""

    def format_value(self, value):
        if isinstance(value, str):
            return [code.strip() for code in value.split(",") if code.strip()]
        return [str(code) for code in value or []]

    def get_context(self, name, value, attrs):
        known = {str(code) for code, _label in self.choices}
        extra = [(code, code) for code in self.format_value(value) if code not in known]
        if extra:
            self.choices = [*self.choices, *extra]
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        if isinstance(values, str):
            values = [values]
        codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
        return ",".join(dict.fromkeys(codes))

    def value_omitted_from_data(self, data, files, name):
        # Like every group of checkboxes: none ticked is an answer (no language), not an omission.
        return False
