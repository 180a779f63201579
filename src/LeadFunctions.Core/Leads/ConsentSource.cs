namespace LeadFunctions.Core.Leads;

/// <summary>How a consent decision reached us.</summary>
public enum ConsentSource
{
    Form,
    Webinar,
    Import,
    IysImport,
    UnsubscribeLink,
    ConfirmationLink,
    SendGridEvent,
    Operator,
}

public static class ConsentSources
{
    /// <summary>snake_case, as the API shows it ("iys_import", "sendgrid_event").</summary>
    public static string ToApiName(this ConsentSource source) =>
        source switch
        {
            ConsentSource.IysImport => "iys_import",
            ConsentSource.UnsubscribeLink => "unsubscribe_link",
            ConsentSource.ConfirmationLink => "confirmation_link",
            ConsentSource.SendGridEvent => "sendgrid_event",
            _ => source.ToString().ToLowerInvariant(),
        };
}
