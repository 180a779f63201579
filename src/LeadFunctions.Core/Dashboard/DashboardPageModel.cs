namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// What dashboard.liquid reads: every value already a string in the page's language, <see cref="T"/> the page's
/// texts by id (<see cref="Text.Texts.ByName"/>).
/// </summary>
internal sealed record DashboardPageModel(
    string Language,
    IReadOnlyDictionary<string, string> T,
    string ReadAt,
    WorkModel Work,
    string FunnelNote,
    ChartModel FunnelChart,
    TableModel FunnelTable,
    string SampleNote,
    ChartModel ScoreChart,
    ChartModel TemperatureChart,
    string MqlsNote,
    TableModel Mqls,
    TableModel Campaigns
)
{
    /// <summary>Every type the template reads members of.</summary>
    public static readonly Type[] Types =
    [
        typeof(DashboardPageModel),
        typeof(WorkModel),
        typeof(TableModel),
        typeof(RowModel),
        typeof(CellModel),
        typeof(ChartModel),
        typeof(BarModel),
    ];
}

/// <param name="StorageFailure">Empty when storage answered.</param>
internal sealed record WorkModel(
    bool Attention,
    string StorageFailure,
    string UncertainSends,
    string FailedSends,
    TableModel Queues
);

/// <summary>A table; the template leaves it out when it has no rows.</summary>
internal sealed record TableModel(IReadOnlyList<CellModel> Headers, IReadOnlyList<RowModel> Rows);

/// <param name="Bad">A row that needs attention.</param>
internal sealed record RowModel(bool Bad, IReadOnlyList<CellModel> Cells);

/// <param name="Numeric">Aligned right.</param>
internal sealed record CellModel(string Text, bool Numeric);

/// <summary>Horizontal bars: the labels left of <see cref="BarX"/>, each bar's value at its end.</summary>
internal sealed record ChartModel(string Title, int Width, int Height, int BarX, IReadOnlyList<BarModel> Bars);

internal sealed record BarModel(string Label, string Value, string Color, int TextY, int RectY, int Width, int ValueX);
