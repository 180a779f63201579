using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Leads;

/// <summary>
/// The texts of a page in one language; a stage, temperature or metric reads the text named after it.
/// </summary>
public sealed class LeadLabels(string language)
{
    public string this[TextId id] => Texts.Get(id, language);

    public string Format(TextId id, params object[] values) => Texts.Format(id, language, values);

    public string Stage(LifecycleStage stage) => Named("Stage", stage);

    public string Temperature(Temperature temperature) => Named("Temperature", temperature);

    public string Metric(CampaignMetric metric) => Named("Metric", metric);

    private string Named<TEnum>(string kind, TEnum value)
        where TEnum : struct, Enum => this[Enum.Parse<TextId>(kind + value)];
}
