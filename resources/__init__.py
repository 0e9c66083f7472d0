"""Files the program ships: fonts, translations, icons."""

from pathlib import Path

RESOURCES = Path(__file__).parent
CJK_FONT = RESOURCES / "fonts" / "wqy-microhei.ttc"
SYMBOL_FONT = RESOURCES / "fonts" / "symbola.ttf"  # emoji and symbols the CJK font lacks
APP_ICON = RESOURCES / "icons" / "ordertrail.png"
