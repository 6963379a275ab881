// Given names that are the same name for matching people: diminutives, short forms and common
// spellings (Jon and John, Bill and William, Aisha and Ayesha). Hearth's own list, kept as data so
// it can grow: add a group, or a name to a group. A name may sit in several groups (Alex is both
// Alexander and Alexandra); two names are equivalent when some group holds both, so the relation is
// symmetric by construction. All lower case, letters only.

export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['john', 'jon', 'jonathan', 'johnny', 'jonny', 'jack', 'johnnie', 'jonathon', 'sean', 'shaun', 'shawn'],
  ['jack', 'jackie', 'jak'],
  ['william', 'will', 'bill', 'billy', 'willie', 'willy', 'liam', 'wil'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'robby', 'bert'],
  ['richard', 'rich', 'rick', 'ricky', 'dick', 'richie', 'ritchie'],
  ['james', 'jim', 'jimmy', 'jamie', 'jimmie', 'jaime'],
  ['thomas', 'tom', 'tommy', 'thom', 'tommie'],
  ['michael', 'mike', 'mick', 'micky', 'mickey', 'mikey', 'michal', 'mikael'],
  ['christopher', 'chris', 'kit', 'topher', 'kristopher', 'christoper'],
  ['christina', 'christine', 'chris', 'tina', 'kristina', 'kirsty', 'kirstie', 'christie', 'kristen', 'kristin', 'kirsten'],
  ['matthew', 'matt', 'matty', 'mathew', 'matthias'],
  ['daniel', 'dan', 'danny', 'dani'],
  ['danielle', 'dani', 'daniela', 'daniella'],
  ['david', 'dave', 'davey', 'davy', 'dai', 'dafydd'],
  ['joseph', 'joe', 'joey', 'jo', 'josef', 'yusuf', 'yousef', 'youssef'],
  ['josephine', 'jo', 'josie', 'jojo', 'joanne', 'joanna', 'joann'],
  ['samuel', 'sam', 'sammy', 'samuele'],
  ['samantha', 'sam', 'sammie', 'sammy', 'sami'],
  ['alexander', 'alex', 'alec', 'sandy', 'xander', 'alexandre', 'alistair', 'alasdair', 'ali'],
  ['alexandra', 'alex', 'alexa', 'lexi', 'lexie', 'sasha', 'sandra', 'alix'],
  ['benjamin', 'ben', 'benji', 'benny', 'bennie'],
  ['edward', 'ed', 'eddie', 'eddy', 'ted', 'teddy', 'ned'],
  ['henry', 'harry', 'hal', 'hank', 'enrique'],
  ['charles', 'charlie', 'chas', 'chuck', 'carl', 'karl'],
  ['charlotte', 'charlie', 'lottie', 'lotte', 'char'],
  ['nicholas', 'nick', 'nicky', 'nico', 'nicolas', 'nikolas', 'klaus'],
  ['nicola', 'nicky', 'nikki', 'nicole', 'nichola', 'nikola'],
  ['anthony', 'tony', 'ant', 'antony', 'anton', 'antonio'],
  ['andrew', 'andy', 'drew', 'andre', 'andreas', 'andrzej'],
  ['peter', 'pete', 'piotr', 'pedro', 'pierre'],
  ['stephen', 'steven', 'steve', 'stevie', 'stefan', 'steph'],
  ['stephanie', 'steph', 'stef', 'stefanie', 'steffi'],
  ['elizabeth', 'liz', 'lizzie', 'lizzy', 'beth', 'betty', 'bet', 'eliza', 'elisabeth', 'libby', 'elsie', 'ellie', 'lisa', 'bess', 'bessie'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge', 'margo', 'greta', 'megan', 'daisy'],
  ['catherine', 'katherine', 'kathryn', 'cathy', 'kathy', 'kate', 'katie', 'katy', 'kat', 'cath', 'kath', 'kitty', 'caitlin', 'kaitlyn'],
  ['rebecca', 'becky', 'becca', 'bex', 'rebekah'],
  ['jennifer', 'jen', 'jenny', 'jenni', 'jennie'],
  ['jessica', 'jess', 'jessie', 'jessy'],
  ['victoria', 'vicky', 'vicki', 'vikki', 'tori', 'toria'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia', 'patsy'],
  ['patrick', 'pat', 'paddy', 'patsy'],
  ['susan', 'sue', 'susie', 'suzy', 'suzanne', 'susanna', 'susannah'],
  ['deborah', 'debra', 'debbie', 'deb', 'debs'],
  ['amanda', 'mandy', 'manda'],
  ['abigail', 'abbie', 'abby', 'abi', 'gail'],
  ['olivia', 'liv', 'livvy', 'livia', 'ollie'],
  ['oliver', 'ollie', 'olly', 'oli'],
  ['isabella', 'isabelle', 'isabel', 'izzy', 'bella', 'belle', 'issy', 'isobel'],
  ['amelia', 'millie', 'milly', 'amy', 'mia', 'emilia'],
  ['emily', 'em', 'emmy', 'emilie', 'emilia'],
  ['emma', 'em', 'emmy'],
  ['sophie', 'sophia', 'sofia', 'soph'],
  ['grace', 'gracie'],
  ['lucy', 'lucie', 'lu', 'lucia', 'lucinda'],
  ['hannah', 'hanna', 'hana', 'annie'],
  ['anne', 'ann', 'anna', 'annie', 'hannah', 'ana'],
  ['mary', 'maria', 'marie', 'molly', 'polly', 'mae', 'may', 'maryam', 'miriam', 'mariam'],
  ['sarah', 'sara', 'sally', 'sadie', 'zara', 'sarai'],
  ['frederick', 'fred', 'freddie', 'freddy', 'fritz'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['archibald', 'archie', 'archy'],
  ['alfred', 'alfie', 'alf', 'fred'],
  ['louis', 'lewis', 'lou', 'louie', 'luis'],
  ['louise', 'lou', 'louisa', 'lulu'],
  ['gabriel', 'gabe', 'gabby', 'gabriele'],
  ['gabrielle', 'gabby', 'gabi', 'gabriella'],
  ['nathan', 'nate', 'nat', 'nathaniel'],
  ['zachary', 'zach', 'zack', 'zak', 'zac'],
  ['joshua', 'josh', 'joshy'],
  ['jacob', 'jake', 'jakob', 'yakub', 'jacub'],
  ['harrison', 'harry', 'harri'],
  ['reginald', 'reggie', 'reg'],
  ['ronald', 'ron', 'ronnie', 'ronny'],
  ['donald', 'don', 'donny', 'donnie'],
  ['kenneth', 'ken', 'kenny'],
  ['gerald', 'gerry', 'jerry', 'ged'],
  ['lawrence', 'laurence', 'larry', 'laurie', 'lol'],
  ['leonard', 'len', 'lenny', 'leo', 'leon'],
  ['raymond', 'ray'],
  ['timothy', 'tim', 'timmy'],
  ['philip', 'phillip', 'phil', 'pip'],
  ['gregory', 'greg', 'gregor'],
  ['terence', 'terry', 'terrance', 'tel'],
  ['frances', 'fran', 'frankie', 'francesca', 'fanny'],
  ['francis', 'frank', 'frankie', 'franco', 'francisco', 'franciszek'],
  ['dorothy', 'dot', 'dottie', 'dolly', 'dora'],
  ['helen', 'helena', 'nell', 'nellie', 'ellen', 'elena', 'lena'],
  ['eleanor', 'elinor', 'ellie', 'nell', 'nora', 'norah', 'leonora', 'ella'],
  ['caroline', 'carol', 'carrie', 'carolyn', 'carly', 'carla'],
  ['jacqueline', 'jackie', 'jacqui', 'jacky'],
  ['kimberley', 'kimberly', 'kim', 'kimmy'],
  ['natalie', 'nat', 'natasha', 'tasha', 'natalia', 'nattie'],
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'muhammed', 'mohamad', 'mo', 'moe'],
  ['ahmed', 'ahmad', 'ahmet'],
  ['aisha', 'ayesha', 'aysha', 'aishah', 'ayşe'],
  ['fatima', 'fatimah', 'fatma'],
  ['zainab', 'zaynab', 'zeynep'],
  ['ibrahim', 'ebrahim', 'abraham', 'abe'],
  ['ismail', 'ismael', 'ishmael'],
  ['yusuf', 'yousuf', 'yusef', 'joseph'],
  ['adam', 'adem', 'adomas'],
  ['kai', 'kye', 'ky'],
  ['jayden', 'jaden', 'jaiden', 'jaydon', 'jadon'],
  ['callum', 'calum', 'cal'],
  ['finley', 'finlay', 'finn', 'fin'],
  ['tyler', 'ty'],
  ['leah', 'lea', 'lia'],
  ['layla', 'leila', 'laila', 'lailah', 'leyla'],
  ['niamh', 'neve', 'neave', 'nieve'],
  ['siobhan', 'shivon', 'chevonne'],
  ['aoife', 'eva', 'effie'],
  ['evie', 'eve', 'eva', 'evelyn', 'evelyne'],
  ['freya', 'freyja', 'freja'],
  ['isla', 'islay', 'ila'],
  ['poppy', 'pop'],
  ['rosie', 'rose', 'rosa', 'rosemary', 'rosalind', 'roz'],
  ['jasmine', 'jasmin', 'yasmin', 'yasmine', 'jaz', 'jazz', 'jazmin'],
  ['agnieszka', 'aga', 'agnes', 'nessa'],
  ['tomasz', 'tomek', 'thomas'],
  ['wojciech', 'wojtek'],
  ['aleksandra', 'ola', 'alexandra'],
  ['katarzyna', 'kasia', 'katherine'],
  ['yetunde', 'tunde'],
  ['oluwaseun', 'seun'],
  ['oluwatobi', 'tobi', 'toby'],
  ['tobias', 'toby', 'tobi'],
  ['kwame', 'kwami'],
];

function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const GROUPS_BY_NAME: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  NICKNAME_GROUPS.forEach((group, index) => {
    for (const raw of group) {
      const key = nameKey(raw);
      const list = map.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      map.set(key, list);
    }
  });
  return map;
})();

/** True when two given names are the same name by the list (not when they are simply equal). */
export function areNicknames(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '' || ka === kb) return false;
  const groupsA = GROUPS_BY_NAME.get(ka);
  const groupsB = GROUPS_BY_NAME.get(kb);
  if (groupsA === undefined || groupsB === undefined) return false;
  return groupsA.some((g) => groupsB.includes(g));
}

/** Every name equivalent to `name` by the list, itself excluded, lower case, sorted. */
export function nicknamesOf(name: string): string[] {
  const key = nameKey(name);
  const groups = GROUPS_BY_NAME.get(key) ?? [];
  const out = new Set<string>();
  for (const g of groups) for (const n of NICKNAME_GROUPS[g] ?? []) if (nameKey(n) !== key) out.add(nameKey(n));
  return [...out].sort();
}
