namespace LeadFunctions.Core.Leads;

/// <summary>Where a person stands in the funnel. The order of the values is the order of the funnel.</summary>
public enum LifecycleStage
{
    Subscriber,
    Lead,
    Mql,
    Sql,
    Opportunity,
    Customer,
    Disqualified,
}

public static class LifecycleStages
{
    /// <summary>Stages never move backwards by themselves: an automatic move keeps the further of the two.</summary>
    public static LifecycleStage Furthest(LifecycleStage current, LifecycleStage proposed) =>
        current == LifecycleStage.Disqualified || proposed <= current ? current : proposed;

    public static string ToApiName(this LifecycleStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out LifecycleStage stage) =>
        Enum.TryParse(value, ignoreCase: true, out stage) && Enum.IsDefined(stage);
}
