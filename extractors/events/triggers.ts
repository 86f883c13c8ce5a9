/**
 * The words that state each event type, compiled once. A trigger says what
 * type it evokes, whether it is a verb (the clause's date and place attach to
 * it) or a noun (only its own phrase's do), and what it implies about the
 * frame (pledge strength, attack method, which side the agent stands on).
 */
import type { EventType } from "../../pipeline/schema.ts";
import { allMatches } from "../regex.ts";

export interface Trigger {
  type: EventType;
  pattern: RegExp;
  kind: "verb" | "noun";
  /** PLEDGE: oath or declared support. */
  strength?: "allegiance" | "support";
  /** "joined forces with", "allying with": the pledge of the same article when there is one, else an alliance. */
  soft?: boolean;
  /** Passive voice: the subject is the patient ("was founded", "was killed"). */
  passive?: boolean;
  /** The agent follows the trigger ("align the IMU with ISIL", "the death of Mullah Omar"). */
  agentAfter?: boolean;
  /** ATTACK: the subject claimed it. */
  claim?: boolean;
  /** LEADERSHIP: the post is left, not taken. */
  ends?: boolean;
}

const t = (type: EventType, source: string, kind: Trigger["kind"], extra: Partial<Trigger> = {}): Trigger => ({
  type,
  pattern: new RegExp(source, "gi"),
  kind,
  ...extra,
});

const OATH = "(?:allegiance|loyalty|fealty|bay[’']?a[ht]?|baya)";
const POSSESSIVE = "(?:(?:its|their|our|his|her|the [\\w-]+(?:'s|’s)|[\\w-]+(?:'s|’s))\\s+)?";

export const TRIGGERS: readonly Trigger[] = [
  // PLEDGE
  t("PLEDGE", `\\b(?:pledg|swor|swear|vow|renew|reaffirm|offer|gave|give|giv|declar|announc)\\w*\\s+(?:(?:an|the)\\s+oath\\s+of\\s+)?${POSSESSIVE}${OATH}\\b`, "verb", { strength: "allegiance" }),
  t("PLEDGE", `\\b(?:sworn|took|taking|take|takes)\\s+(?:an\\s+)?oath\\s+of\\s+${OATH}\\b`, "verb", { strength: "allegiance" }),
  t("PLEDGE", `\\b(?:oath|pledge)\\s+of\\s+${OATH}\\b`, "noun", { strength: "allegiance" }),
  t("PLEDGE", `\\b${OATH}\\s+to\\b`, "noun", { strength: "allegiance" }),
  t("PLEDGE", `\\b(?:declar\\w*|consider\\w*)\\s+(?:it|itself|themselves)\\s+(?:is\\s+|are\\s+|to\\s+be\\s+)?(?:now\\s+)?(?:a\\s+)?part\\s+of\\b`, "verb", { strength: "allegiance" }),
  t("PLEDGE", `\\brecogni[sz]\\w*\\s+the\\s+authority\\s+of\\b`, "verb", { strength: "allegiance" }),
  t("PLEDGE", `\\b(?:pledg\\w*|declar\\w*|announc\\w*|express\\w*)\\s+(?:its\\s+|their\\s+|his\\s+)?support\\s+(?:to|for)\\b`, "verb", { strength: "support" }),
  t("PLEDGE", `\\bdeclaration\\s+of\\s+support\\s+for\\b`, "noun", { strength: "support" }),
  t("PLEDGE", `\\b(?:siding|sided|side)\\s+with\\b`, "verb", { strength: "support" }),
  t("PLEDGE", `(?<!-)\\balign(?:s|ed|ing)?\\s+(?=(?:[\\w’'-]+\\s+){1,5}?with\\b)`, "verb", { strength: "support", agentAfter: true }),
  t("PLEDGE", `\\b(?:join\\w*)\\s+forces\\s+with\\b`, "verb", { soft: true }),
  // The act of taking a side, like joining forces ("allying themselves with ISIS"); "allied to" is the state, an alliance.
  t("PLEDGE", `\\b(?:allies|ally|allying)\\s+(?:itself\\s+|themselves\\s+)?with\\b`, "verb", { soft: true }),
  // SPLIT
  t("SPLIT", `\\b(?:cut|cuts|cutting|severed|severs|sever)\\s+(?:all\\s+)?(?:its\\s+|their\\s+)?ties\\s+with\\b`, "verb"),
  t("SPLIT", `\\b(?:break|breaks|broke|breaking|split|splits|splitting|splintered|splinters|defected|defects|withdrew|withdraws)\\s+(?:away\\s+)?(?:with|from)\\b`, "verb"),
  t("SPLIT", `\\b(?:break|split|rift|schism)\\s+with\\b`, "noun"),
  t("SPLIT", `\\b(?:renounc|revok|withdr[ae]w)\\w*\\s+(?:its\\s+|their\\s+|his\\s+)?(?:allegiance|loyalty|bay[’']?a)\\b`, "verb"),
  t("SPLIT", `\\b(?:leave|leaves|left|quit|quits|abandon|abandons|abandoned)\\s+(?=(?:the\\s+)?[A-Z])`, "verb"),
  t("SPLIT", `\\bformed\\s+out\\s+of\\b`, "verb"),
  t("SPLIT", `\\b(?:parted|parts|part|parting)\\s+ways\\s+with\\b|\\b(?:broke|breaks|break|breaking)\\s+ranks\\s+with\\b|\\bdistanc\\w*\\s+(?:itself|themselves|himself|herself)\\s+from\\b|\\b(?:disavow|disown)\\w*\\b`, "verb"),
  // "Jundullah, a splinter group of the IMU": the name the description is in apposition to splits.
  t("SPLIT", `\\b(?:splinter|breakaway|break-away|dissident)\\s+(?:group|faction|wing|organi[sz]ation|movement|cell)\\s+(?:of|from)\\b`, "noun"),
  // ALLIANCE
  t("ALLIANCE", `\\b(?:closely\\s+)?allied\\s+(?:to|with)\\b`, "verb"),
  t("ALLIANCE", `\\b(?:former\\s+|close\\s+|closest\\s+|key\\s+|main\\s+)?(?:ally|allies)\\s+of\\b`, "noun"),
  t("ALLIANCE", `(?:'s|’s)\\s+(?:former\\s+|close\\s+|closest\\s+|key\\s+|main\\s+|longtime\\s+)?ally\\b`, "noun"),
  t("ALLIANCE", `\\b(?:fought|fight|fights|fighting|battled|battling|operated|operating|worked|working)\\b(?:\\s+[\\w’'-]+){0,10}?\\s+alongside\\b`, "verb"),
  t("ALLIANCE", `\\b(?:collaborat|cooperat|coordinat)\\w*\\s+with\\b`, "verb"),
  t("ALLIANCE", `\\b(?:joint\\s+(?:operations?|attacks?|units?)|alliance|partnership|cooperative\\s+relationship|cooperative\\s+relations)\\s+with\\b`, "noun"),
  t("ALLIANCE", `\\b(?:ties|relations|relationship|links|connections)\\s+(?:to|with)\\b`, "noun"),
  t("ALLIANCE", `\\b(?:cooperative|close|strong|good|friendly)\\s+(?:relations|ties|relationship)\\b(?!\\s+(?:with|to|between)\\b)|\\b(?:collaborat|cooperat)(?:ed|ing|e|es)\\s+(?=to|in|on|for)\\b`, "verb"),
  t("ALLIANCE", `\\b(?:ties|relations|collaboration|cooperation|alliance)\\s+between\\b`, "noun", { agentAfter: true }),
  t("ALLIANCE", `\\b(?:work|works|worked|working|fought|fight|fights|fighting|operated|operating)\\s+together\\b`, "verb"),
  // "the AQ-aligned Haqqani Network": a group named as the modifier of another's name.
  t("ALLIANCE", `-(?:aligned|allied|affiliated)\\b`, "noun"),
  t("ALLIANCE", `\\bwith\\s+which\\s+it\\s+(?:has|had)\\s+(?:had\\s+)?(?:long-?standing\\s+|close\\s+)?(?:relations|ties)\\b`, "noun"),
  // FOUNDING
  t("FOUNDING", `\\b(?:was|were|has\\s+been|had\\s+been|is)\\s+(?:originally\\s+|formally\\s+|first\\s+)?(?:founded|formed|created|established|set\\s+up|launched)\\b`, "verb", { passive: true }),
  t("FOUNDING", `\\b(?:co-?founded|founded|formed|created|established|set\\s+up)\\b`, "verb"),
  t("FOUNDING", `\\b(?:founding|formation|creation|establishment)\\s+of\\b`, "noun", { agentAfter: true }),
  // LEADERSHIP
  t("LEADERSHIP", `\\b(?:became|becomes|become|becoming|was\\s+named|was\\s+appointed|was\\s+elected|was\\s+chosen|named|appointed|elected|succeeded\\s+[\\w\\s]+?\\s+as|took\\s+over\\s+as|served\\s+as|serves\\s+as|serving\\s+as)\\b`, "verb"),
  t("LEADERSHIP", `\\b(?:was|is|were)\\s+(?:[a-z]+ly\\s+)?(?=(?:a|an|the|its|their)\\s)`, "verb"),
  t("LEADERSHIP", `\\b(?:stepped\\s+down|resigned|was\\s+(?:ousted|removed|dismissed|replaced))\\s+as\\b`, "verb", { ends: true }),
  t("LEADERSHIP", `(?:'s|’s)\\s+(?:[a-z-]+\\s+){0,2}?(?:leader|emir|amir|chief|head|commander|spokesman|mufti|president|chairman)\\s+since\\b`, "noun"),
  t("LEADERSHIP", `\\bfirst\\s+day\\s+in\\s+the\\s+(?:position|post|job|role|office)\\b`, "noun"),
  // DEATH
  t("DEATH", `\\b(?:death|killing|assassination|murder|execution)\\s+of\\b`, "noun", { agentAfter: true }),
  t("DEATH", `(?:'s|’s)\\s+(?:death|demise|killing|assassination)\\b`, "noun"),
  t("DEATH", `\\b(?:died|dies|was\\s+killed|were\\s+killed|has\\s+been\\s+killed|had\\s+been\\s+killed|was\\s+assassinated|was\\s+executed|was\\s+shot\\s+dead|was\\s+murdered|is\\s+dead|was\\s+found\\s+dead)\\b`, "verb", { passive: true }),
  t("DEATH", `\\b(?:killed|assassinated|murdered|executed)\\b`, "verb", { agentAfter: true }),
  // DESIGNATION
  t("DESIGNATION", `\\blist\\s+of\\s+(?:designated\\s+)?(?:foreign\\s+)?terrorist\\s+(?:organi[sz]ations|groups|entities)\\b`, "noun"),
  t("DESIGNATION", `\\b(?:designated|listed|blacklisted|proscribed)\\s+(?:it\\s+|them\\s+)?(?:as\\s+)?(?:an?\\s+)?(?:foreign\\s+)?terrorist\\b`, "verb"),
  t("DESIGNATION", `\\b(?:is|are|was|were|been)\\s+(?:also\\s+)?(?:banned|outlawed|proscribed|blacklisted)\\s+(?:in|by)\\b`, "verb"),
  t("DESIGNATION", `\\b(?:banned|outlawed|proscribed|blacklisted)\\s+(?:by)\\b`, "verb"),
  // ATTACK
  t("ATTACK", `\\bclaim\\w*\\s+(?:the\\s+)?responsibility\\s+(?:for|to|of)\\b`, "verb", { claim: true }),
  t("ATTACK", `\\b(?:attacked|attacking|stormed|storming|raided|ambushed|bombed|shelled|struck|bombarded|assaulted|besieged|overran|raiding|shelling|bombing)\\b(?=\\s|,\\s)`, "verb"),
  t("ATTACK", `\\b(?:kidnapped|abducted|kidnapping|abducting)\\b|\\b(?:tried|attempted)\\s+to\\s+(?:kidnap|abduct)\\b`, "verb"),
  // "destroyed a column of Russian forces", "destroyed three tanks": combat told by what it destroyed.
  t("ATTACK", `\\bdestroyed\\s+(?:[\\w-]+\\s+){0,4}?(?:columns?|convoys?|tanks?|armou?red\\s+vehicles?|military\\s+(?:vehicles?|equipment)|equipment|positions?|dugouts?|checkpoints?)\\b`, "verb"),
  t("ATTACK", `\\b(?:took|taking|held|holding|seized)\\s+(?:[\\w,’'-]+\\s+){1,8}?hostages?\\b`, "verb"),
  t("ATTACK", `\\b(?:detonated|exploded|blew\\s+up|set\\s+off|planted|hurled|threw|lobbed)\\b`, "verb"),
  // "Houthi forces targeted military positions", "gunmen wounded two soldiers"; not "a targeted campaign".
  t("ATTACK", `(?<!\\b(?:a|an|the|were|was|being)\\s)\\b(?:targeted|wounded|injured|invaded)\\s+(?=(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|dozens|\\d+|with|military|various|(?:[\\w-]+\\s+)?(?:positions?|civilians?|soldiers?|people|forces|villages?|homes?|houses?|targets|locations|workers|vehicles?|convoys?|checkpoints?|fighters|troops|areas?))\\b)`, "verb"),
  t("ATTACK", `\\b(?:opened\\s+fire|fired|shot\\s+and\\s+killed|shot\\s+dead|shot\\s+and\\s+injured|shot\\s+and\\s+wounded|gunned\\s+down|shot|stabbed|hacked|beheaded|executed|killed|murdered|lynched|burned|burnt|torched|ran\\s+over|drove\\s+over|set\\s+fire\\s+to|set\\s+(?:[\\w’'-]+\\s+){0,5}?(?:ablaze|alight|on\\s+fire)|clashed|clashing|battled|fought|engaged|intercepted|ambushing|repelled|repulsed)\\b`, "verb"),
  // "the army used drones and artillery to strike rebel posts".
  t("ATTACK", `\\bused\\s+(?:[\\w-]+\\s+){1,5}?to\\s+(?:strike|attack|shell|bomb|target|hit)\\b`, "verb"),
  t("ATTACK", `\\b(?:launched|carried\\s+out|carrying\\s+out|conducted|staged|mounted|perpetrated|committed|participated\\s+in|took\\s+part\\s+in)\\s+(?:[\\w,’'-]+\\s+){0,4}?(?:attacks?|assaults?|bombings?|car\\s+bombs?|bombs|explosions?|strikes?|raids?|airstrikes?|air\\s+strikes?|air\\s+raids?|ambush(?:es)?|siege|offensive|massacre|shootings?|rockets?|missiles?|mortars?|shells|drones?|grenades?|projectiles?)\\b`, "verb"),
  t("ATTACK", `\\b(?:exchanged\\s+(?:[\\w-]+\\s+)?(?:fires?|gunfire|shots)|(?:fighting|clashes|clash|violence)\\s+(?:broke\\s+out|erupted)|fighting\\s+(?:took\\s+place|raged|(?:with|against)\\b)|dropped\\s+(?:[\\w-]+\\s+){0,4}?(?:bombs?|grenades?|explosives?|explosive\\s+devices|munitions?|ammunition|balloons|shells|mines))\\b`, "verb"),
  // "a bomb went off", "was hit by a landmine", "heavy shells hit IDPs": a weapon as the clause's subject or agent.
  t("ATTACK", `\\bwent\\s+off\\b|\\b(?:hit|struck|injured|wounded|killed)\\s+by\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:mines?|landmines?|bombs?|shells?|rockets?|missiles?|grenades?|bullets?|IEDs?|explosives?|drones?)\\b|\\b(?:shells?|rockets?|missiles?|mortars?|artillery|artilleries|projectiles?|grenades?)\\s+(?:[\\w-]+\\s+){0,6}?(?:hit|struck|landed|targeted)\\b|\\bdestroyed\\s+(?:[\\w-]+\\s+){1,5}?(?:with|using)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+)?(?:bombs?|mines?|landmines?|explosives?|IEDs?|grenades?|rockets?|missiles?|drones?|artillery)\\b`, "verb"),
  // "bodies of twelve civilians were found", "police found the body of a man": a killing the text reports by its victims.
  t("ATTACK", `\\bbod(?:y|ies)\\s+of\\s+(?:[\\w,’'-]+\\s+){1,14}?(?:was|were|had\\s+been|have\\s+been)\\s+(?:found|discovered|recovered)\\b|\\b(?:found|discovered|recovered)\\s+(?:the\\s+)?(?:dead\\s+)?bod(?:y|ies)\\b|\\b(?:was|were)\\s+found\\s+(?:shot\\s+)?dead\\b`, "verb"),
  t("ATTACK", `\\b(?:took|taken|taking)\\s+away\\b|\\b(?:punched|slapped|kicked|whipped|flogged|physically\\s+assault\\w*|sexually\\s+(?:abused|assaulting))\\b`, "verb"),
  t("ATTACK", `\\b(?:beat|beaten|beating)(?:\\s+up)?\\b|\\b(?:tortured|raped|gang-raped|sexually\\s+assaulted|lynched|shot\\s+down|downed)\\b|\\bopened\\s+(?:[\\w-]+\\s+)?fire\\b`, "verb"),
  t("ATTACK", `\\b(?:drove|driven|rammed|ploughed|plowed)\\s+(?:[\\w-]+\\s+){0,3}?into\\b`, "verb"),
  t("ATTACK", `\\bcrash\\w*\\s+(?:a|an|the|his|their)\\s+(?:truck|car|vehicle|van|lorry)\\s+into\\b`, "verb"),
  t("ATTACK", `\\bramm\\w*\\s+(?:a|an|the|his|their)\\s+(?:truck|car|vehicle|van|lorry)\\b`, "verb"),
  t("ATTACK", `\\b(?:attacks?|assaults?|bombings?|explosions?|blasts?|ambush(?:es)?|raids?|airstrikes?|air\\s+strikes?|air\\s+raids?|drone\\s+strikes?|(?:artillery|missile|rocket|mortar)\\s+strikes?|shellings?|bombardments?|siege|encounters?\\s+with|armed\\s+encounters?|gun\\s*battles?|operations?\\s+against|incursions?|battles?|clash(?:es)?|kidnappings?|massacre|shootings?|offense|gunfights?|firefights?|skirmish(?:es)?|exchange\\s+of\\s+fire|armed\\s+confrontation|shoot-?outs?|gunfire|gunshots?|detonations?|explosive\\s+devices?|IEDs?|landmines?|(?<=\\d\\s)(?:shots|projectiles)|bursts\\s+of\\s+fire|projectiles\\/explosions)\\b`, "noun"),
];

/** One pattern per event type, its triggers as capture groups in lexicon order: one scan per type and sentence. */
export interface TriggerGroup {
  type: EventType;
  pattern: RegExp;
  triggers: Trigger[];
  /** Word stems one of which every trigger of the type contains: a cheap test that skips most sentences. */
  gate?: RegExp;
  /** Where a trigger of the type can begin (see STARTS), and the pattern anchored there. */
  starts?: RegExp;
  anchored?: RegExp;
}

const GATES: Partial<Record<EventType, RegExp>> = {
  PLEDGE: /allegian|loyal|fealty|bay|oath|part\s+of|authority|support|sid(?:e|ed|ing)\s+with|align|forces\s+with|all(?:y|ies|ying)\s/i,
  SPLIT: /ties|break|broke|split|splinter|defect|withdr|renounc|revok|rift|schism|leave|left|quit|abandon|formed\s+out|ways|ranks|distanc|disavow|disown|dissident/i,
  ALLIANCE: /all(?:y|ied|ies|iance)|-align|-affiliat|alongside|together|collaborat|cooperat|coordinat|joint|partnership|ties|relation|links|connections/i,
  FOUNDING: /found|form|creat|establish|set\s+up|launched/i,
  DEATH: /death|kill|assassinat|murder|execut|demise|died|dies|dead/i,
  DESIGNATION: /list|designat|proscri|banned|outlawed/i,
};

/**
 * Where a trigger of the type can begin, for types without a gate: the words
 * (stems) one of which starts every trigger. The pattern is then tried only
 * where one starts, which is much cheaper than scanning the sentence with the
 * whole alternation. A new trigger's first word must be covered here. A start
 * consumes only word characters (or, for "'s", looks ahead), so no other start
 * is skipped.
 */
const STARTS: Partial<Record<EventType, RegExp>> = {
  ATTACK: new RegExp(
    `\\b(?:${[
      "claim", "attack", "storm", "raid", "ambush", "bomb", "shell", "struck", "assault", "besieg", "overran",
      "kidnap", "abduct", "tried", "attempted", "destroy", "took", "taking", "taken", "held", "holding", "seized",
      "detonat", "explo", "blew", "set", "planted", "hurled", "threw", "lobbed", "target", "wound", "injur", "invad",
      "opened", "fired", "shot", "shoot", "gun", "stabbed", "hacked", "beheaded", "executed", "killed", "murdered",
      "lynched", "burn", "torched", "ran", "drove", "driven", "clash", "battl", "fought", "engaged", "intercepted",
      "launched", "carr", "conducted", "staged", "mounted", "perpetrated", "committed", "participated", "exchange",
      "fighting", "violence", "dropped", "went", "hit", "rocket", "missile", "mortar", "artiller", "projectile",
      "grenade", "bod", "found", "discovered", "recovered", "was", "were", "punched", "slapped", "kicked", "whipped",
      "flogged", "physically", "sexually", "beat", "tortured", "raped", "gang", "downed", "ramm", "ploughed",
      "plowed", "crash", "blast", "air", "drone", "siege", "encounter", "armed", "operation", "incursion", "massacre",
      "offense", "firefight", "skirmish", "IED", "landmine", "bursts", "repelled", "repulsed", "used",
    ].join("|")})`,
    "gi",
  ),
  LEADERSHIP: /\b(?:becom|became|was|is|were|named|appointed|elected|succeeded|took|serv|stepped|resigned|first)|['’](?=s)/gi,
};

export const TRIGGER_GROUPS: readonly TriggerGroup[] = [...new Set(TRIGGERS.map((t) => t.type))].map((type) => {
  const triggers = TRIGGERS.filter((t) => t.type === type);
  const source = triggers.map((t) => `(${t.pattern.source})`).join("|");
  const gate = GATES[type];
  const starts = STARTS[type];
  return {
    type,
    triggers,
    pattern: new RegExp(source, "gi"),
    ...(gate ? { gate } : {}),
    ...(starts ? { starts, anchored: new RegExp(source, "iy") } : {}),
  };
});

/** The group's matches in `text`, as `text.matchAll(group.pattern)` finds them: where a trigger can start, the pattern anchored there. */
export function triggerMatches(group: TriggerGroup, text: string): RegExpExecArray[] {
  const { starts, anchored } = group;
  if (!starts || !anchored) return allMatches(group.pattern, text);
  const out: RegExpExecArray[] = [];
  // Matches do not overlap: a start inside the last match is skipped, as the scan of the whole pattern would.
  let next = 0;
  for (const start of allMatches(starts, text)) {
    if (start.index < next) continue;
    anchored.lastIndex = start.index;
    const match = anchored.exec(text);
    if (match) {
      next = start.index + match[0].length;
      out.push(match);
    }
  }
  return out;
}

/** Cues that make an attack statement generic conduct, a plan or a war rather than an incident. */
export const GENERIC_ATTACK =
  /\bduring\s+(?:(?:the|a|an|its|their|[\w’'-]+(?:'s|’s))\s+)+(?:[\w-]+\s+){0,3}?(?:campaign|war|invasion|offensive|occupation|insurgency|operations)\b|\b(?:frequently|often|regularly|routinely|increasingly|advocat\w*|threaten\w*\s+to|plan(?:s|ned|ning)?\s+to|intend\w*|seeks?\s+to|seeking\s+to|would|will|could|capable|capability|propaganda|videos?\s+of|began\s+(?:to\s+)?target\w*|known\s+for|tactics?|lone\s+wolf|such\s+as)\b/i;
