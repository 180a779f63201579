using Azure.Data.Tables;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>A webinar's title, times and time zone as columns of a row, named the same in every table that keeps
/// them (WebinarRegistrations, TeamsSubscriptions, WebinarSchedules); the platform and the id are in the row's
/// keys.</summary>
internal static class WebinarColumns
{
    /// <summary>Sets the columns the webinar says; one it does not say is left out (a merge keeps the row's).</summary>
    public static void Write(TableEntity row, Webinar webinar)
    {
        Put(row, "Title", webinar.Title);
        Put(row, "StartsAt", webinar.StartsAt);
        Put(row, "EndsAt", webinar.EndsAt);
        Put(row, "TimeZone", webinar.TimeZone);
    }

    public static Webinar Read(TableEntity row, string platform, string? id) =>
        new(
            platform,
            id,
            row.GetString("Title"),
            row.GetDateTimeOffset("StartsAt"),
            row.GetDateTimeOffset("EndsAt"),
            row.GetString("TimeZone")
        );

    /// <summary>Sets the column when there is a value.</summary>
    public static void Put(TableEntity row, string name, object? value)
    {
        if (value is not null)
        {
            row[name] = value;
        }
    }
}
