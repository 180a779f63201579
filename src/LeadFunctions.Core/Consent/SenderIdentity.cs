namespace LeadFunctions.Core.Consent;

/// <summary>Who sends our emails, named in every one with a postal address, as İYS and CAN-SPAM require.</summary>
public sealed record SenderIdentity(string Name, string PostalAddress);
