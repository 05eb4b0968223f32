using Journeys.Azure.Durable;

namespace Journeys.Azure.Tests.Durable;

public sealed class InstanceIdsTests
{
    [Fact]
    public void The_id_is_the_journey_and_the_first_32_hex_digits_of_the_profiles_sha256()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 test vector).
        Assert.Equal("j:cart:ba7816bf8f01cfea414140de5dae2223", InstanceIds.For("cart", "abc"));
    }

    [Fact]
    public void The_id_of_the_longest_journey_id_stays_within_100_characters()
    {
        var id = InstanceIds.For(new string('a', 64), "any profile / with ? odd # characters");

        Assert.Equal(99, id.Length);
        Assert.Matches("^[A-Za-z0-9._:-]+$", id);
    }

    [Fact]
    public void A_journeys_prefix_does_not_match_another_journey_whose_id_extends_it()
    {
        Assert.StartsWith(InstanceIds.JourneyPrefix("cart"), InstanceIds.For("cart", "p"), StringComparison.Ordinal);
        Assert.False(InstanceIds.For("cart.eu", "p").StartsWith(InstanceIds.JourneyPrefix("cart"), StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ids_of_two_entries_of_one_profile_differ()
    {
        var at = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("j:cart:x:20260115T100000000", InstanceIds.RunId("j:cart:x", at));
        Assert.NotEqual(InstanceIds.RunId("j:cart:x", at), InstanceIds.RunId("j:cart:x", at.AddMinutes(10)));
    }
}
