"""search.textfold: folding ignores case and Kazakh letter marks, one character for one."""

from search.textfold import fold


def test_fold_keeps_one_character_per_character():
    text = "ҚАНДАС Әкімдік ӨСКЕМЕН Ұлытау Үржар Һ Іле Ёлка İstanbul"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "кандас акимдик оскемен улытау уржар х иле елка istanbul"
    assert fold("ҚАНДАС") == "кандас"
