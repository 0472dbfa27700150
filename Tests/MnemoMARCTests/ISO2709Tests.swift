import Foundation
import Testing
@testable import MnemoMARC

@Suite struct ISO2709Tests {
    let sample = MARCRecord(
        leader: "00000nam a2200000 i 4500",
        controlFields: [MARCControlField(tag: "001", value: "x1"),
                        MARCControlField(tag: "008", value: "240115s1978    ru            000 1 rus d")],
        dataFields: [
            MARCDataField("100", "1", " ", [("a", "Толстой, Лев Николаевич"), ("d", "1828-1910")]),
            MARCDataField("245", "1", "0", [("a", "Война и мир")]),
        ])

    @Test func writerLayout() throws {
        let bytes = try ISO2709Writer().encode(sample)
        let leader = String(decoding: bytes[0..<24], as: UTF8.self)
        #expect(Int(leader.prefix(5)) == bytes.count)
        #expect(Array(leader)[9] == "a")
        #expect(leader.hasSuffix("4500"))
        let base = Int(String(Array(leader)[12..<17]))!
        #expect(base == 24 + 4 * 12 + 1)
        #expect(bytes[base - 1] == 0x1E)
        #expect(bytes.last == 0x1D)
        // Directory entry for 100: length counted in bytes (Cyrillic is two bytes a letter).
        let entry = String(decoding: bytes[48..<60], as: UTF8.self)
        let field100 = 2 + 2 + "Толстой, Лев Николаевич".utf8.count + 2 + 9 + 1
        #expect(entry == "100" + String(format: "%04d", field100) + String(format: "%05d", 3 + 41))
    }

    @Test func roundTripInEveryEncoding() throws {
        for encoding in [MARCEncoding.utf8, .windows1251, .marc8] {
            let bytes = try ISO2709Writer(encoding: encoding).encode(sample)
            let back = try ISO2709Reader(data: Data(bytes)).next()!.get()
            #expect(back.sourceEncoding == encoding)
            #expect(back.dataFields == sample.dataFields)
            #expect(back.controlFields == sample.controlFields)
            #expect(back.leaderCharacter(9) == (encoding == .utf8 ? "a" : " "))
            #expect(back.warnings.isEmpty, "\(encoding): \(back.warnings)")
        }
    }

    @Test func streamsAcrossSmallChunks() throws {
        let records = (1...300).map { i -> MARCRecord in
            var r = sample
            r.controlFields[0].value = "rec-\(i)"
            return r
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-chunks-\(UUID()).mrc")
        defer { try? FileManager.default.removeItem(at: url) }
        try ISO2709Writer(encoding: .windows1251).write(records, to: url)
        let read = try ISO2709Reader(url: url, chunkSize: 4096).map { try $0.get() }
        #expect(read.count == 300)
        #expect(read.map { $0.controlField("001")! } == records.map { $0.controlField("001")! })
        #expect(read[299].subfield("100", "a") == "Толстой, Лев Николаевич")
    }

    @Test func lineBreaksBetweenRecordsAreIgnored() throws {
        var data = Data(try ISO2709Writer().encode(sample))
        data.append(contentsOf: [0x0D, 0x0A])
        data.append(contentsOf: try ISO2709Writer().encode(sample))
        data.append(0x0A)
        let results = Array(ISO2709Reader(data: data))
        #expect(results.count == 2)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
    }

    @Test func wrongRecordLengthIsToleratedWithWarning() throws {
        var bytes = try ISO2709Writer().encode(sample)
        bytes.replaceSubrange(0..<5, with: Array("00999".utf8))
        let r = try ISO2709Reader(data: Data(bytes)).next()!.get()
        #expect(r.subfield("245", "a") == "Война и мир")
        #expect(r.warnings.contains { $0.contains("trusting the terminator") })
    }

    @Test func wrongBaseAddressIsToleratedWithWarning() throws {
        var bytes = try ISO2709Writer().encode(sample)
        bytes.replaceSubrange(12..<17, with: Array("00040".utf8))
        let r = try ISO2709Reader(data: Data(bytes)).next()!.get()
        #expect(r.subfield("100", "d") == "1828-1910")
        #expect(r.warnings.contains { $0.contains("base address") })
    }

    @Test func lengthsCountedInCharactersAreRepaired() throws {
        // A sloppy exporter counted characters, not bytes, in the directory: its
        // offsets miss the UTF-8 data, but the data still splits into as many fields.
        var bytes = try ISO2709Writer().encode(sample)
        let base = Int(String(decoding: bytes[12..<17], as: UTF8.self))!
        let fields = bytes[base..<bytes.count - 1].split(separator: 0x1E, omittingEmptySubsequences: false).dropLast()
        var start = 0
        for (k, field) in fields.enumerated() {
            let chars = String(decoding: field, as: UTF8.self).unicodeScalars.count + 1
            let entry = 24 + k * 12
            bytes.replaceSubrange(entry + 3..<entry + 12, with: Array(String(format: "%04d%05d", chars, start).utf8))
            start += chars
        }
        let r = try ISO2709Reader(data: Data(bytes)).next()!.get()
        #expect(r.dataFields == sample.dataFields)
        #expect(r.warnings.contains { $0.contains("taken in order") })
    }

    @Test func malformedRecordsAreReportedAndSkipped() throws {
        let good = try ISO2709Writer().encode(sample)
        func broken(_ change: (inout [UInt8]) -> Void) -> [UInt8] { var b = good; change(&b); return b }
        let cases: [([UInt8], String)] = [
            (Array("01234".utf8) + [0x1D], "too short"),
            (broken { $0.removeSubrange(30..<33) }, "not a multiple of 12"),
            (broken { $0.replaceSubrange(27..<31, with: Array("9x99".utf8)) }, "not a number"),
            (broken { $0.replaceSubrange(31..<36, with: Array("09000".utf8)) }, "runs past"),
            (broken { b in for i in 24..<b.count - 1 where b[i] == 0x1E { b[i] = 0x20 } }, "no field terminator"),
            (broken { $0[3] = 0x01 }, "leader"),
        ]
        for (bytes, reason) in cases {
            var data = Data(good)
            data.append(contentsOf: bytes)
            data.append(contentsOf: good)
            let results = Array(ISO2709Reader(data: data, source: "t.mrc"))
            #expect(results.count == 3, "\(reason)")
            guard results.count == 3, case .failure(let e) = results[1] else {
                Issue.record("expected a failure for \(reason): \(results)")
                continue
            }
            #expect(e.recordNumber == 2)
            #expect(e.byteOffset == good.count)
            #expect(e.isRecoverable)
            #expect(e.message.contains(reason), "\(e.message)")
            #expect((try? results[0].get()) != nil && (try? results[2].get()) != nil)
        }
    }

    @Test func truncatedLastRecord() throws {
        var data = Data(try ISO2709Writer().encode(sample))
        let second = try ISO2709Writer().encode(sample)
        data.append(contentsOf: second.dropLast(10))
        let results = Array(ISO2709Reader(data: data))
        #expect(results.count == 2)
        guard case .failure(let e) = results[1] else { Issue.record("expected failure"); return }
        #expect(e.recordNumber == 2)
        #expect(e.byteOffset == second.count)
        #expect(e.message.contains("ends inside a record"))
    }

    @Test func badFixtureKeepsTheGoodRecords() throws {
        let results = try Fixtures.readISO("bad.mrc")
        #expect(results.count == 3)
        let first = try results[0].get()
        let third = try results[2].get()
        #expect(first.controlField("001") == "mnemo-bad-1")
        #expect(first.subfield("245", "a") == "Вишнёвый сад")
        #expect(third.controlField("001") == "mnemo-bad-3")
        #expect(third.subfield("245", "a") == "Три сестры")
        guard case .failure(let e) = results[1] else { Issue.record("record 2 should fail"); return }
        let firstLength = try ISO2709Writer().encode(FixtureRecords.bad[0]).count
        #expect(e.recordNumber == 2)
        #expect(e.byteOffset == firstLength)
        #expect(e.message.contains("not a multiple of 12"))
        #expect(e.description.contains("bad.mrc: record 2 at byte \(firstLength): directory length"))
    }

    @Test func unimarcStyleLeaderAndControlFields() throws {
        var r = sample
        r.leader = "00000nam0 2200000 i 450 "
        let bytes = try ISO2709Writer(encoding: .utf8, marksUTF8InLeader: false).encode(r)
        #expect(bytes[9] == 0x20)
        #expect(bytes[23] == 0x20)
        let back = try ISO2709Reader(data: Data(bytes)).next()!.get()
        #expect(back.leader.hasSuffix("450 "))
        #expect(back.dataFields == r.dataFields)
    }

    @Test func writerRejectsWhatISO2709CannotHold() {
        let long = MARCRecord(dataFields: [MARCDataField("500", " ", " ", [("a", String(repeating: "я", count: 6000))])])
        #expect(throws: MARCWriteError.self) { try ISO2709Writer().encode(long) }
        let badTag = MARCRecord(dataFields: [MARCDataField("5000", " ", " ", [("a", "x")])])
        #expect(throws: MARCWriteError.self) { try ISO2709Writer().encode(badTag) }
    }
}
