using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Host.Http;

/// <summary>What a Functions HTTP trigger declares besides its route and methods: read back by the test that holds the
/// two hosts' bindings equal.</summary>
public sealed record HttpFunctionMetadata(string FunctionName, AuthorizationLevel Level, Type? FunctionType);
