namespace LeadFunctions.Core.Consent;

/// <summary>
/// Turkey's time, as İYS and Turkish lists write it: the one rule for reading an import's dates and writing the
/// export's. The zone, not a fixed +03:00, because Turkey kept summer time until 2016 (a winter date of 2015 is
/// +02:00).
/// </summary>
public static class TurkeyTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    public static DateTimeOffset FromLocal(DateTime local) => new(local, Zone.GetUtcOffset(local));

    public static DateTime ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;
}
