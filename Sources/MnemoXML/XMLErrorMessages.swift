/// Plain-language messages for the libxml2 error codes Foundation's parser reports.
public enum XMLErrorMessages {
    public static func message(_ code: Int) -> String {
        switch code {
        case 1: return "internal parser error"
        case 2: return "out of memory"
        case 4: return "the document is empty"
        case 5: return "the document ends before its elements are closed"
        case 9: return "invalid character"
        case 23, 24, 25: return "invalid character reference"
        case 26, 27: return "undeclared entity"
        case 31: return "unexpected '<' in attribute value"
        case 38, 39, 40, 41: return "malformed attribute value"
        case 65: return "attribute without a value"
        case 68: return "malformed name"
        case 73: return "'>' expected"
        case 76: return "the closing tag does not match the open element"
        case 77: return "unfinished tag"
        case 5000...5100: return "unsupported or wrong encoding"
        case 201, 202, 203, 204: return "namespace error"
        case 32, 33: return "malformed XML declaration"
        case 64: return "XML declaration expected at the start"
        case 85: return "extra content after the root element"
        case 512: return "stopped by the reader"
        case -1: return "the parser stopped"
        default: return "malformed XML (libxml2 error \(code))"
        }
    }
}
