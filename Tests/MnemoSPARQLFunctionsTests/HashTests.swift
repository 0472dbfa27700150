import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
import Testing
@testable import MnemoSPARQLFunctions

/// Digests computed with Python's hashlib, covering every padding boundary
/// (55/56 and 111/112 bytes), multi-block input and Cyrillic, Kazakh, Uzbek
/// and non-BMP text.
private let vectors: [(input: String, digests: [String])] = [
    ("", [
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    ]),
    ("abc", [
        "900150983cd24fb0d6963f7d28e17f72",
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    ]),
    ("食べ物", [
        "e7ada485d13b1decf628c9211bc3a97b",
        "caf1f189d7064f8987e972525091c29f7e462c74",
        "23ba21e7ed4e975785764eafbfc1414c19ad0a43355d14d99d7903c35d20c2fa",
        "def0952dc3545a38e509596a762f3b906ff2f3643dc45fd39732078bd3ab1835b7d6776b2ab04bdab6bfe5611c693e3e",
        "7723341e7ee6a9e6df461e05dd887f5c05201c40e7fa731343cfe1fd2280e5e5429323626584df4c68bd82f094cf888843944b718f5cd70ecf831e9e37d19d09",
    ]),
    ("\u{98DF}", [
        "24bbbad0a65a819a077c429adf606ba4",
        "d46696735b6a09ff407bfc1a9407e008840db9c9",
        "0fbe868d1df356ca9df7ebff346da3a56280e059a7ea81186ef885b140d254ee",
        "adfda7e9ad8789b391855038d0d74dce3efe3af1eefcea35d50b91d6c244a0c546375445b518c9fb61e03e6a060bc95d",
        "b433ed0e60c818bea72d3aa1a43db89b3ed2b624597407b7912bbb7685f2e45ae5500e092da5f938391d282b26bc43e4035b12460c93ab5e2e1a05d582331d85",
    ]),
    ("Қазақстан Республикасы", [
        "0ed14f0fb4a6af6c90fb3f65aee8b288",
        "a9ce4bcf263c3ca973dc28411a1d9832a3ca4ddd",
        "73539b31ee610f271282d3b0356efcb854ca9891ef7a4e372db66e703834e850",
        "9cab2f66976d93cc457d00955c4f471f530f9eb355b8a423393df1d0dfe710f83ede043cb2253447fd01f9f82c37d780",
        "946c533ef45a348b4a197aafcbc0668edfc95b9275bd5eb30d00e920985f92d190b318ac168d7ab5bc729d9adfb1632080c7e46b90c6f40497ccda602c4effda",
    ]),
    ("Oʻzbekiston Respublikasi", [
        "0fd4e3815c2ed80014cfd2d0dc19bc60",
        "ed488395b4173127ac9f2c2cc50a415dcf660e02",
        "1aea8b63827b36484c4af8a6ab52d42462266b427d1275f9f21424ae46949917",
        "951a448ba52444d63aa1b29defa1b50e8d153cccf6d347080ec0750204f94f987e97034987707f4c2ec5ba479d522a5b",
        "85d2eeef14055cf4870b70c4c59c9c9093fda1a30913b206d6aad3e00f2ba6d05576459b20e568644087ac73a004edc0b8e80054c29568660345b421c57f1386",
    ]),
    ("Москва — столица России", [
        "f940b26af50884eb6684e09efc561ede",
        "e919557c192bba9d37e2974ea9e0ed5c46c5c50f",
        "57298647fc9af0ac43a6acdca7981744682d1124cc771627fea71475b403fe57",
        "52b20007eaabe2e122860527f5bfd84984182286ef2203f5c44c6316ccb3b24d624254b4004f64e418f7f4a2246cf56e",
        "843900cca45a25ed00ce2634c705f5d7d6dad1fd3a60f726523ae70331036623fdc84019685d4e71c22c42def5febb7113079ab23c6f2c16d601d33a9d06bf72",
    ]),
    ("😀 non-BMP 𝄞", [
        "e95c4f01d3a6c795ad8b588390b87f11",
        "aae819538b03f77cc8d18c4c47a8b30a745269a1",
        "cea80341128d75a649d1745237dda3b9ce1a1abc0ee23f5680dddafd30b5e35f",
        "ab177db2670ca6cbc924d2b2339507d0c0101549ee20993b58113cd7ddcd0ce36caaa0e79ba8ead8dee0b45bb3895a17",
        "52507730b7e7c192fd9ca61e69707dfe9e93e70cc9ec1a31321cdf2f3485145d5614ea73a98f85d13625a664286412a2c36010739b7d8cc83bea9377dc79fd73",
    ]),
    (String(repeating: "a", count: 55), [
        "ef1772b6dff9a122358552954ad0df65",
        "c1c8bbdc22796e28c0e15163d20899b65621d65a",
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
        "5d91ac7e74e62b5c728904b40f10784d66b7af9cb6302123e48c92f0432ceb8d2a92c02de77dcb29ed75c4b42bde46f4",
        "b0220c772cbf6c1822e2cb38a437d0e1d58772417a4bbb21c961364f8b6143e05aa6316dca8d1d7b19e16448419076395f6086cb55101fbd6d5497b148e1745f",
    ]),
    (String(repeating: "a", count: 56), [
        "3b0c8ac703f828b04c6c197006d17218",
        "c2db330f6083854c99d4b5bfb6e8f29f201be699",
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
        "8a8d9649ea04e993a6ca7135af7e3392cc5fca84f8531cac7aa3feed4eb98f55dcbe0f3284b61c6f35f98b02cc644b4c",
        "962b64aae357d2a4fee3ded8b539bdc9d325081822b0bfc55583133aab44f18bafe11d72a7ae16c79ce2ba620ae2242d5144809161945f1367f41b3972e26e04",
    ]),
    (String(repeating: "a", count: 63), [
        "b06521f39153d618550606be297466d5",
        "03f09f5b158a7a8cdad920bddc29b81c18a551f5",
        "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
        "7e7f097e95b52bb8f53383450ecaf9868187c130981730c03b6d573adfc0b991e365244e5b4bfa082bfb43c517d37120",
        "c1b0f5c6d3b03dfe4a2602e67242f54e344090b66e01100a469b129f583f016c7e27dddeaa438393dcc7ec54b0b57c9ba7af007f9b56db5f6fb677d972a31362",
    ]),
    (String(repeating: "a", count: 64), [
        "014842d480b571495a4a0363793f7367",
        "0098ba824b5c16427bd7a1122a5a442a25ec644d",
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        "2e404b9339da795776e510d96930b3be2904c500395b8cb7413334b82d4dec413b4b8113045a05bbbcff846f027423f6",
        "01d35c10c6c38c2dcf48f7eebb3235fb5ad74a65ec4cd016e2354c637a8fb49b695ef3c1d6f7ae4cd74d78cc9c9bcac9d4f23a73019998a7f73038a5c9b2dbde",
    ]),
    (String(repeating: "a", count: 111), [
        "089f243d1e831c5879aa375ee364a06e",
        "ac877859d427d9192054eea8feb3b8a403ef83a5",
        "6374f73208854473827f6f6a3f43b1f53eaa3b82c21c1a6d69a2110b2a79baad",
        "3c37955051cb5c3026f94d551d5b5e2ac38d572ae4e07172085fed81f8466b8f90dc23a8ffcdea0b8d8e58e8fdacc80a",
        "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2",
    ]),
    (String(repeating: "a", count: 112), [
        "9146ef3527c7cfcc66dc615c3986e391",
        "689993727ba37386bb032495e9dbdfb4dd1ba744",
        "f54353008a2553262ecdc4a34749563ba0950e8b0fc8652780b0a614b99683c1",
        "187d4e07cb306103c69967bf544d0dfbe9042577599c73c330abc0cb64c61236d5ed565ee19119d8c31779a38f791fcd",
        "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca",
    ]),
    (String(repeating: "a", count: 127), [
        "020406e1d05cdc2aa287641f7ae2cc39",
        "89d95fa32ed44a7c610b7ee38517ddf57e0bb975",
        "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a",
        "9bd06b1763c2cf7aef40e795dc65bc96d59c41b537f3ad72ebdefd485476b5717c1aeb37c327fe9c1831b12b9efd08ae",
        "828613968b501dc00a97e08c73b118aa8876c26b8aac93df128502ab360f91bab50a51e088769a5c1eff4782ace147dce3642554199876374291f5d921629502",
    ]),
    (String(repeating: "a", count: 128), [
        "e510683b3f5ffe4093d021808bc6ff70",
        "ad5b3fdbcb526778c2839d2f151ea753995e26a0",
        "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e",
        "edb12730a366098b3b2beac75a3bef1b0969b15c48e2163c23d96994f8d1bef760c7e27f3c464d3829f56c0d53808b0b",
        "b73d1929aa615934e61a871596b3f3b33359f42b8175602e89f7e06e5f658a243667807ed300314b95cacdd579f3e33abdfbe351909519a846d465c59582f321",
    ]),
    (String(repeating: "Ә", count: 500), [
        "e3dd4cb3f1b72a8d3c10518fe8db2498",
        "8601ae0e996783e729b6d37669efe668b79a7eea",
        "a6e9cdd302bc649b671ec3c7b0320fe34aad65dbae762c207f927c7904d1224f",
        "00da839f0b6440d6d28d1929592c4f1f142d1a21788dcd9ea82c7b0f09fbd117b90def8b6c1b885d7689b7d43ee32451",
        "b853c04e7278be7a53a8bf64021518b1a8e32d85d50f52a271fa46d70989fa723d235d845823be63130d0f8e20bfa263080424e01e883edd315e9befe4881b11",
    ]),
]

private let functions: [BuiltinFunction] = [.md5, .sha1, .sha256, .sha384, .sha512]

@Suite("Hash functions") struct HashTests {
    @Test("known digests of UTF-8 text", arguments: 0..<vectors.count)
    func digests(_ index: Int) throws {
        let (input, expected) = vectors[index]
        for (f, digest) in zip(functions, expected) {
            #expect(try call(f, .string(input)) == .string(digest), "\(f) of \(input.prefix(20))")
        }
    }

    @Test func w3cVectors() throws {
        // sparql11/functions md5-01, md5-02, sha1-02, sha512-02
        #expect(try call(.md5, .string("foo")) == .string("acbd18db4cc2f85cedef654fccc4a4d8"))
        #expect(try call(.md5, .typed("食べ物", xsd + "string")) == .string("e7ada485d13b1decf628c9211bc3a97b"))
        #expect(try call(.sha1, .string("\u{98DF}")) == .string("d46696735b6a09ff407bfc1a9407e008840db9c9"))
        #expect(try call(.sha512, .string("\u{98DF}")) == .string(
            "b433ed0e60c818bea72d3aa1a43db89b3ed2b624597407b7912bbb7685f2e45ae5500e092da5f938391d282b26bc43e4035b12460c93ab5e2e1a05d582331d85"))
    }

    @Test func onlySimpleLiteralsAreHashed() {
        for f in functions {
            #expect(fails(f, .langString("abc", "en")))
            #expect(fails(f, .iri("http://example.org/")))
            #expect(fails(f, .typed("1", xsd + "integer")))
        }
    }

    @Test func millionBytes() {
        // The FIPS 180 "one million a" vectors.
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hashes.hex(Hashes.sha1(bytes)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(Hashes.hex(Hashes.sha256(bytes)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(Hashes.hex(Hashes.md5(bytes)) == "7707d6ae4e027c70eea2a935c2296f21")
    }
}
