using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// Recognizes the failures a running job sees when a silo working on it is lost: calls to it fail, a grain it held comes
/// back elsewhere without its in-memory work, or a write from a stale activation is refused. Such failures are retried
/// from the job's last checkpoint instead of failing the job; every other failure is the job's own.
/// </summary>
internal static class SiloLoss
{
    /// <summary>Whether <paramref name="exception"/> (or an exception it wraps) means a silo was lost.</summary>
    public static bool IsSiloLoss(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or WorkLostException or InconsistentStateException
                || (e is TimeoutException && e is not System.Text.RegularExpressions.RegexMatchTimeoutException))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsSiloLoss))
            {
                return true;
            }
        }

        return false;
    }
}
