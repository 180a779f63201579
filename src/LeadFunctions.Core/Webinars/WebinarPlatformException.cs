namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar platform's API could not be used: it is not set up here (<see cref="NotSetUp"/>: the message names the
/// settings), or it refused the call (the message says what it answered). The person who asked is told; nothing is
/// stored.
/// </summary>
public sealed class WebinarPlatformException(string message, bool notSetUp, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool NotSetUp { get; } = notSetUp;
}
