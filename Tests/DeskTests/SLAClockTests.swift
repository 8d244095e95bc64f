import Desk
import Foundation
import Testing

@Suite("SLA clocks")
struct SLAClockTests {
    let calendar = DeskFixtures.calendar

    @Test("R-INC-5 the default targets in werkuren")
    func defaults() {
        let policy = SLAPolicy.standard
        #expect(Priority.allCases.map(policy.reactionTarget) == [0.5, 1, 4, 8])
        #expect(Priority.allCases.map(policy.resolutionTarget) == [4, 8, 27, 45])
        #expect(policy.warningFraction == 0.75)
    }

    @Test("R-INC-5 a mail at Friday 16:30 with a 1-werkuur reaction target is due Monday 08:30")
    func fridayMail() throws {
        let clock = SLAClock(start: try DeskFixtures.at("2025-03-14T16:30:00+01:00"), priority: .p2, calendar: calendar)
        #expect(clock.reactionTarget == 1)
        #expect(clock.reactionDeadline == (try DeskFixtures.at("2025-03-17T08:30:00+01:00")))
        // P2 resolution: 8 werkuren → Friday 0.5 + Monday 7.5 → Monday 15:30.
        #expect(clock.resolutionDeadline == (try DeskFixtures.at("2025-03-17T15:30:00+01:00")))
    }

    @Test("R-INC-5 the warning instant is at 75% of the resolution target")
    func warning() throws {
        // P1 from Monday 09:00: resolution 4 werkuren → 13:00; 75% = 3 werkuren → 12:00.
        let clock = SLAClock(start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p1, calendar: calendar)
        #expect(clock.reactionDeadline == (try DeskFixtures.at("2025-03-17T09:30:00+01:00")))
        #expect(clock.resolutionDeadline == (try DeskFixtures.at("2025-03-17T13:00:00+01:00")))
        #expect(clock.warningInstant == (try DeskFixtures.at("2025-03-17T12:00:00+01:00")))
        // P3 from Monday 09:00: 27 werkuren → Thursday 09:00; 75% = 20.25 → Wednesday 11:15.
        let p3 = SLAClock(start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p3, calendar: calendar)
        #expect(p3.resolutionDeadline == (try DeskFixtures.at("2025-03-20T09:00:00+01:00")))
        #expect(p3.warningInstant == (try DeskFixtures.at("2025-03-19T11:15:00+01:00")))
    }

    @Test("R-INC-5 state is ok, then warning at 75%, then breached after the target")
    func state() throws {
        let clock = SLAClock(start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p1, calendar: calendar)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T11:59:00+01:00")) == .ok)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T12:00:00+01:00")) == .warning)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T13:00:00+01:00")) == .warning)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T13:01:00+01:00")) == .breached)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T09:31:00+01:00"), of: .reaction) == .breached)
        #expect(clock.state(at: try DeskFixtures.at("2025-03-17T09:10:00+01:00"), of: .reaction) == .ok)
    }

    @Test("R-INC-5 a pause moves the resolution deadline by the paused werkuren")
    func pause() throws {
        // P2 from Monday 09:00: resolution 8 werkuren → Monday 17:00 (a deadline at closing time stays there).
        var clock = SLAClock(start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p2, calendar: calendar)
        #expect(clock.resolutionDeadline == (try DeskFixtures.at("2025-03-17T17:00:00+01:00")))
        // Paused Monday 11:00–14:30 (3.5 werkuren) → Tuesday 11:30.
        clock.pause(at: try DeskFixtures.at("2025-03-17T11:00:00+01:00"))
        #expect(clock.isPaused)
        #expect(clock.resolutionDeadline == nil)
        #expect(clock.reactionDeadline == (try DeskFixtures.at("2025-03-17T10:00:00+01:00")))
        clock.resume(at: try DeskFixtures.at("2025-03-17T14:30:00+01:00"))
        #expect(!clock.isPaused)
        #expect(clock.resolutionDeadline == (try DeskFixtures.at("2025-03-18T11:30:00+01:00")))
        #expect(abs(clock.elapsedWerkuren(at: try DeskFixtures.at("2025-03-17T15:30:00+01:00")) - 3) < 1e-9)
        // A pause over a night only counts its werkuren: Monday 16:00 – Tuesday 09:00 is 2 werkuren.
        clock.pause(at: try DeskFixtures.at("2025-03-17T16:00:00+01:00"))
        clock.resume(at: try DeskFixtures.at("2025-03-18T09:00:00+01:00"))
        #expect(clock.resolutionDeadline == (try DeskFixtures.at("2025-03-18T13:30:00+01:00")))
        #expect(clock.pauses.count == 2)
    }

    @Test("R-INC-5 a warning is not raised while the clock is paused")
    func pausedState() throws {
        var clock = SLAClock(start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p1, calendar: calendar)
        clock.pause(at: try DeskFixtures.at("2025-03-17T10:00:00+01:00"))
        #expect(clock.state(at: try DeskFixtures.at("2025-03-20T10:00:00+01:00")) == .ok)
        #expect(clock.warningInstant == nil)
    }

    @Test("R-INC-5 the targets are configurable")
    func configurable() throws {
        let policy = SLAPolicy(reaction: [.p1: 0.25], resolution: [.p1: 2], warningFraction: 0.5)
        let clock = SLAClock(
            start: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), priority: .p1, policy: policy, calendar: calendar)
        #expect(clock.reactionDeadline == (try DeskFixtures.at("2025-03-17T09:15:00+01:00")))
        #expect(clock.warningInstant == (try DeskFixtures.at("2025-03-17T10:00:00+01:00")))
        // A priority the policy leaves out falls back to the R-INC-5 default.
        #expect(policy.resolutionTarget(.p4) == 45)
    }
}
