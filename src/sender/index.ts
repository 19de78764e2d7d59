// The sender audit's public surface: re-exports only.
export { auditSender, normalizeSenderDomain, type AuditOptions, type SenderAudit } from "./audit.js";
export { checkMx, type MxCheckOptions, type MxDetails, type MxHost } from "./mx.js";
export { checkSpf, type SpfCheckOptions, type SpfDetails } from "./spf.js";
export { evaluateSpf, SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, type SpfEvaluation, type SpfEvalOptions, type SpfProblem, type SpfResult, type SpfVisited } from "./spf-eval.js";
export { parseSpf, isSpfRecord, type SpfMechanism, type SpfParse, type SpfQualifier, type SpfRecord } from "./spf-parse.js";
export { checkDmarc, type DmarcDetails } from "./dmarc.js";
export { parseDmarc, isDmarcRecord, type DmarcAlignment, type DmarcParse, type DmarcPolicy, type DmarcRecord, type DmarcUri } from "./dmarc-parse.js";
export { checkDkim, judgeKey, isValidSelector, COMMON_DKIM_SELECTORS, type DkimCheckOptions, type DkimDetails, type DkimKey } from "./dkim.js";
export { checkPtr, type PtrDetails } from "./ptr.js";
export { normalizeIp } from "./ip.js";
export { createSenderResolver, type Lookup, type MxRecord, type SenderResolver, type SenderResolverOptions } from "./resolver.js";
export { renderAudit } from "./render.js";
export type { CheckName, CheckResult, CheckStatus, Finding, FindingCode } from "./types.js";
