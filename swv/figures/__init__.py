"""The figures engine: series per indicator, statistics, comparisons with the sector and the peer group,
chart geometry and periods. Other packages use what is exported here (import-linter checks that); the
modules behind it may change freely.

From file to page: an importer stores `Waarde` rows; `sector_figures()` reads every value of a sector once
per source-data version into `Figures` (a `Series` per indicator with a `Point` per SWV and period, and an
`Aggregate` per period); `swv_figure()` and `peer_swv_figures()` put one SWV's point next to those.
"""

from swv.figures.charts import NUMERIC, bar_series, box_plot, line_chart
from swv.figures.comparisons import SwvFigure, swv_figure, swv_figures_by_topic
from swv.figures.peers import (
    PeerGroup,
    attach_peer_figures,
    member_codes,
    peer_figures,
    peer_group,
    peer_groups,
    peer_swv_figures,
)
from swv.figures.periods import PERIODS_ON_PAGE, RecentHistory, is_period_label, period_of, period_short
from swv.figures.series import (
    THEMES,
    Figures,
    Point,
    Series,
    Theme,
    gemeente_figures,
    national_figures,
    noemer_words,
    sector_figures,
    status_of,
)
from swv.figures.statistics import Aggregate, aggregate, position, spread

__all__ = [
    "NUMERIC",
    "PERIODS_ON_PAGE",
    "THEMES",
    "Aggregate",
    "Figures",
    "PeerGroup",
    "Point",
    "RecentHistory",
    "Series",
    "Theme",
    "SwvFigure",
    "aggregate",
    "attach_peer_figures",
    "bar_series",
    "box_plot",
    "gemeente_figures",
    "is_period_label",
    "line_chart",
    "member_codes",
    "national_figures",
    "noemer_words",
    "peer_figures",
    "peer_group",
    "peer_groups",
    "peer_swv_figures",
    "period_short",
    "period_of",
    "position",
    "sector_figures",
    "spread",
    "status_of",
    "swv_figure",
    "swv_figures_by_topic",
]
