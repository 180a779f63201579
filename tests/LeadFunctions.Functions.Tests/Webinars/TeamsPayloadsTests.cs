using System.Text.Json;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Webinars;

namespace LeadFunctions.Functions.Tests.Webinars;

/// <summary>Graph's notification bodies as its pages show them (learn.microsoft.com/graph:
/// changenotifications-for-virtualevent, change-notifications-lifecycle-events).</summary>
public class TeamsPayloadsTests
{
    private const string State = "secret client state";

    private const string WebinarId = "f4b39f1c-520e-4e75-805a-4b0f2016a0c6@a1a56d21-a8a6-4a6b-97f8-ced53d30f143";

    private static readonly string Created = $$$"""
        {"value":[{"subscriptionId":"7015b436-a8b8-4260-af80-5af8cba32e62","clientState":"secret client state","changeType":"created","tenantId":"f5b076c8-b508-4ba3-a1a7-19d1c0bcef03","resource":"solutions/virtualEvents/webinars/{{{WebinarId}}}/registrations","subscriptionExpirationDateTime":"2023-01-28T00:00:00.0000000Z","resourceData":{"@odata.id":"solutions/virtualEvents/webinars/{{{WebinarId}}}/registrations/127962bb-84e1-7b62-fd98-1c9d39def7b6","@odata.type":"#microsoft.graph.virtualEventRegistration","id":"solutions/virtualEvents/webinars/{{{WebinarId}}}/registrations/127962bb-84e1-7b62-fd98-1c9d39def7b6"}}]}
        """;

    private const string Lifecycle = """
        {"value":[{"subscriptionId":"7015b436-a8b8-4260-af80-5af8cba32e62","subscriptionExpirationDateTime":"2019-03-20T11:00:00.0000000Z","tenantId":"f5b076c8-b508-4ba3-a1a7-19d1c0bcef03","clientState":"secret client state","lifecycleEvent":"reauthorizationRequired"}]}
        """;

    private static TeamsRead Read(string json, string state = State) =>
        TeamsPayloads.Read(JsonDocument.Parse(json).RootElement, state);

    [Fact]
    public void RegistrationCreated_NamesTheWebinarAndTheRegistration()
    {
        var read = Read(Created);

        var notification = Assert.Single(read.Notifications);
        Assert.Equal(TeamsNotification.Registration, notification.Kind);
        Assert.Equal(WebinarId, notification.WebinarId);
        Assert.Equal("127962bb-84e1-7b62-fd98-1c9d39def7b6", notification.RegistrationId);
        Assert.False(read.Forged);
        Assert.Null(read.Refusal);
    }

    [Fact]
    public void Lifecycle_NamesTheSubscriptionAndGraphsEvent()
    {
        var notification = Assert.Single(Read(Lifecycle).Notifications);

        Assert.Equal(TeamsNotification.Lifecycle, notification.Kind);
        Assert.Equal("7015b436-a8b8-4260-af80-5af8cba32e62", notification.SubscriptionId);
        Assert.Equal("reauthorizationRequired", notification.LifecycleEvent);
    }

    [Theory]
    [InlineData("another state")]
    [InlineData("secret client stat")]
    [InlineData("secret client state ")]
    [InlineData("")]
    public void AnotherClientState_Forged(string ours) => Assert.True(Read(Created, ours).Forged);

    [Fact]
    public void OneForgedAmongGoodOnes_TheWholePostForged()
    {
        var forged = Created.Replace(State, "guess", StringComparison.Ordinal);
        var both = Created.Replace("}}]}", "}}," + forged[(forged.IndexOf('[') + 1)..], StringComparison.Ordinal);

        var read = Read(both);

        Assert.True(read.Forged);
        Assert.Empty(read.Notifications);
    }

    [Fact]
    public void WithoutClientState_Forged() =>
        Assert.True(
            Read(Lifecycle.Replace("\"clientState\":\"secret client state\",", "", StringComparison.Ordinal)).Forged
        );

    [Theory]
    [InlineData("""{"value":[]}""")]
    [InlineData("""{"value":{}}""")]
    [InlineData("""{"notifications":[]}""")]
    public void NotGraphsShape_Refused(string json) => Assert.NotNull(Read(json).Refusal);

    [Fact]
    public void AnotherResource_AcknowledgedAndLeftOut()
    {
        var session = Created.Replace("/registrations/", "/sessions/", StringComparison.Ordinal);

        var read = Read(session);

        Assert.Empty(read.Notifications);
        Assert.Null(read.Refusal);
    }

    [Theory]
    [InlineData("127962bb<script>")]
    [InlineData("127962bb/../../x")]
    public void AnIdGraphWouldNotWrite_LeftOut(string registrationId) =>
        Assert.Empty(
            Read(
                Created.Replace("127962bb-84e1-7b62-fd98-1c9d39def7b6", registrationId, StringComparison.Ordinal)
            ).Notifications
        );
}
