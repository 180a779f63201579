using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LeadFunctions.Host.OpenApi;

/// <summary>What an operation's reader needs beyond its route: a summary, the body it takes and the refusals it can answer.</summary>
/// <param name="Summary">One line, shown as the operation's title in the reference page.</param>
/// <param name="Body">The request body (media type and one example), or null for operations without one.</param>
/// <param name="Problems">Statuses besides the ones every operation of its kind has (see <see cref="FunctionOperationTransformer"/>).</param>
public sealed record OperationDoc(string Summary, RequestBodyDoc? Body = null, params int[] Problems);

/// <summary>A request body: its media type and an example a caller can send as is.</summary>
public sealed record RequestBodyDoc(string MediaType, string Example)
{
    public static RequestBodyDoc Json(string example) => new("application/json", example);

    public static RequestBodyDoc Csv(string example) => new("text/csv", example);

    /// <summary>The example is the shape's documentation; the schema only says whether it is text, an object or a list.</summary>
    public OpenApiMediaType ToMediaType()
    {
        if (MediaType != "application/json")
        {
            return new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(Example) };
        }

        var example = JsonNode.Parse(Example)!;
        return new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = example is JsonArray ? JsonSchemaType.Array : JsonSchemaType.Object },
            Example = example,
        };
    }
}

/// <summary>
/// The API reference's words, in one place, keyed by function name (the operationId): the bindings in
/// LeadFunctionBindings.cs stay a route table. A function without a row is still described (its name as the
/// summary) so the document never breaks, but OpenApiTests fails until it has one.
/// Examples follow the shapes in the design's API.md.
/// </summary>
public static class OperationDocs
{
    private const int RateLimited = 429;
    private const int BadSignature = 401;
    private const int Conflict = 409;

    public static readonly IReadOnlyDictionary<string, OperationDoc> ByFunction = new Dictionary<string, OperationDoc>(StringComparer.Ordinal)
    {
        ["SubmitLead"] = new("Submit one lead from a web form (JSON, urlencoded or multipart); answers 202 with its id.", RequestBodyDoc.Json("""
            { "email": "ayse.yilmaz@example.com", "firstName": "Ayşe", "lastName": "Yılmaz", "company": "Örnek A.Ş.",
              "jobTitle": "IT Director", "phone": "+905321234567", "country": "TR", "source": "web",
              "utm_source": "newsletter", "consentEmail": true, "consentText": "E-posta ile bilgi almak istiyorum.", "language": "tr" }
            """), RateLimited),
        ["ImportLeads"] = new("Import a CSV list (trade fair, purchased list, CRM export); query source= names the source.", RequestBodyDoc.Csv("""
            email;firstName;lastName;company
            ali.demir@example.com;Ali;Demir;Demir Lojistik
            """)),
        ["ImportConsent"] = new("Import consent decisions made elsewhere as CSV: a call centre's list (exported to İYS as ours), or with query origin=iys a download from İYS (never exported back).", RequestBodyDoc.Csv("""
            email,status,date,source
            ali.demir@example.com,ONAY,2026-11-02T10:00:00Z,iys
            """)),
        ["SubmitEvent"] = new("Record an engagement event for a lead (by email or leadId).", RequestBodyDoc.Json("""
            { "email": "ayse.yilmaz@example.com", "type": "webinar_attended", "occurredAt": "2026-11-02T10:00:00Z", "url": "https://example.com/webinar" }
            """)),
        ["ZoomWebinarWebhook"] = new("Zoom webinar events, verified by x-zm-signature; answers the URL validation challenge.", RequestBodyDoc.Json("""
            { "event": "webinar.participant_joined", "event_ts": 1790000000000,
              "payload": { "object": { "id": "81234567890", "topic": "Product tour", "participant": { "email": "ayse.yilmaz@example.com", "user_name": "Ayşe Yılmaz" } } } }
            """), BadSignature),
        ["GenericWebinarWebhook"] = new("Webinar events from any other platform, verified by X-Signature-256.", RequestBodyDoc.Json("""
            { "event": "attended", "webinarId": "w-42", "webinarTitle": "Product tour", "occurredAt": "2026-11-02T10:00:00Z",
              "registrant": { "email": "ayse.yilmaz@example.com", "firstName": "Ayşe", "lastName": "Yılmaz", "consentEmail": true } }
            """), BadSignature),
        ["ListLeads"] = new("List leads by stage, source, minimum score or text, a page at a time."),
        ["GetLead"] = new("Read one lead."),
        ["ExportLead"] = new("Data-subject export (KVKK/GDPR): the lead, its timeline, events, consent ledger, enrollments and every row about the person."),
        ["EraseLead"] = new("Erase a person (KVKK/GDPR): suppresses the address, deletes their rows in every table, their queued and poisoned messages and the referral links to them; anonymous counters stay."),
        ["GetLeadTimeline"] = new("A lead's submissions, events, score and stage changes, emails and consent changes, newest first."),
        ["QualifyLead"] = new("Qualify a lead (sales accepts it).", null, Conflict),
        ["DisqualifyLead"] = new("Disqualify a lead with a reason.", RequestBodyDoc.Json("""{ "reason": "No budget this year" }"""), Conflict),
        ["ConvertLead"] = new("Convert a lead: creates the contact, account and opportunity records.", null, Conflict),
        ["WinLead"] = new("The opportunity is won: the converted lead becomes a customer and its opportunity is closed as won.", null, Conflict),
        ["GetScoringModel"] = new("Read the scoring rules in force."),
        ["PutScoringModel"] = new("Replace the scoring rules; leads are rescored in the background.", RequestBodyDoc.Json("""
            { "fit": { "jobTitle": [{ "keywords": ["director", "müdür"], "points": 15 }], "companySize": [{ "min": 50, "max": null, "points": 10 }],
                       "country": { "TR": 5 }, "businessEmail": 5, "freeMail": -5, "disposable": -20 },
              "engagement": { "events": { "webinar_attended": { "points": 15 }, "page_view": { "points": 1, "maxPerDay": 5 } }, "halfLifeDays": 30 },
              "grades": { "a": 60, "b": 40, "c": 20 }, "mqlThreshold": 50 }
            """)),
        ["GetLeadConsent"] = new("A lead's consent ledger, oldest first."),
        ["Unsubscribe"] = new("GET shows the unsubscribe page; POST (the button or RFC 8058 one-click) withdraws consent and suppresses the address; answers HTML pages."),
        ["ConfirmConsent"] = new("GET shows the double opt-in page; POST confirms the grant the signed token names; answers HTML pages."),
        ["ExportIysConsent"] = new("Consent changes in a period in İYS's record shape."),
        ["SendGridEventWebhook"] = new("SendGrid Event Webhook (ECDSA-signed): deliveries, opens, clicks, bounces, spam reports.", RequestBodyDoc.Json("""
            [{ "email": "ayse.yilmaz@example.com", "event": "open", "timestamp": 1790000000, "sg_event_id": "e-1", "sg_message_id": "m-1", "lf_lead": "…", "lf_kind": "nurture" }]
            """), BadSignature),
        ["ListSuppressions"] = new("Suppressed addresses: a hash of the normalized email, the reason and when."),
        ["LiftSuppression"] = new("Lift a suppression (admin key)."),
        ["PutCampaign"] = new("Create or replace a nurture campaign; steps keep their ids, so editing a running campaign never re-sends a step. Dropping a step sent to someone while adding another is refused (409) unless ?confirm=renamed-steps; switching a paused campaign with held sends on needs ?missed=send or ?missed=skip (409 without).", RequestBodyDoc.Json("""
            { "name": "Fair follow-up", "active": true, "priority": 10,
              "trigger": { "stageEntered": ["lead"], "sources": ["fair"] },
              "audience": { "stages": ["subscriber", "lead"], "sources": ["fair"], "minScore": 0 },
              "steps": [
                { "id": "welcome", "delay": "PT0S", "subject": "Hoş geldiniz {{ lead.firstName }}", "html": "<p>Merhaba {{ lead.firstName }}</p>", "text": "Merhaba {{ lead.firstName }}" },
                { "id": "case-study", "delay": "P2D", "subject": "Bir müşteri hikâyesi", "html": "<p>…</p>", "text": "…" } ],
              "stopWhen": { "stages": ["sql", "opportunity", "customer", "disqualified"], "events": ["demo_request"] },
              "sendWindow": { "from": "09:00", "to": "18:00", "days": ["Mon", "Tue", "Wed", "Thu", "Fri"] } }
            """), Conflict),
        ["GetCampaign"] = new("Read one campaign."),
        ["ListCampaigns"] = new("List the campaigns."),
        ["PauseCampaign"] = new("Pause a campaign: its due sends are held (no lead rewritten, nothing sent) until it is resumed.", null, Conflict),
        ["ResumeCampaign"] = new("Resume a paused campaign; missed says what becomes of the sends held while it was paused: send (they go now, under the send window, gap and priority) or skip (each is recorded skipped and the enrollment goes on). Answers 202: the held sends are released from the campaign-resume queue.", RequestBodyDoc.Json("""
            { "missed": "send" }
            """), Conflict),
        ["ArchiveCampaign"] = new("Archive a campaign: no new enrollments and no further sends."),
        ["EnrollLeads"] = new("Enroll leads by hand, by id or by a filter; once per lead per campaign.", RequestBodyDoc.Json("""
            { "leadIds": ["3f2a9c1e5b7d4e0f8a6b2c1d9e8f7a6b"] }
            """)),
        ["PreviewCampaign"] = new("Render a step for a lead without sending: subject, HTML and text.", RequestBodyDoc.Json("""
            { "leadId": "3f2a9c1e5b7d4e0f8a6b2c1d9e8f7a6b", "step": "welcome" }
            """)),
        ["GetCampaignStats"] = new("Per campaign and step: enrolled, sent, delivered, opened, clicked, bounced, unsubscribed, spam reports, converted, uncertain."),
        ["GetFunnelReport"] = new("Counts per stage and conversion rates over a period, optionally by source."),
        ["GetReferralReport"] = new("Who referred whom, and how many of their referrals became customers."),
        ["GetDashboard"] = new("The operator's dashboard as an HTML page (Turkish or English by Accept-Language): funnel by source, score and temperature, recent MQLs, campaigns, overdue or failing work. The key may come as ?code= so a browser can open it."),
        ["GetHealth"] = new("Health, including storage reachability and overdue work; 503 when something the pipeline needs is down."),
        ["GetOpenApiDocument"] = new("This OpenAPI document."),
    };
}
