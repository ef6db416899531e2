"""The vocabulary the judges reason with.

Kept apart from the rules so that a wrong verdict can be traced to a word and fixed by a
reviewable edit: either here, for everyone, or in a repository's `.whytui.toml`
(`system_names`, `people_names`) for that repository. All entries are lower case.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


# Given names across many cultures. Written with a capital letter they are names; in lower
# case ("greg restarted it") only with a past or negated verb after them, like "Will".
FIRST_NAMES = _words(
    """
    aaron adam adrian aidan alan albert alejandro alex alexander alexandra alexei alexey alice
    alicia alistair amanda amelia amir amit ana anastasia anders andre andreas andrei andres
    andrew andrey andy angela angus anil anita anja anjali ankit ann anna anne anthony antoine
    antonio anya arash arif arjun arthur arun ashley astrid ayesha ayodele ayse aisha akiko
    akosua ama amara amina ananya anh abebe abena abhishek abdullahi adebayo aditi aditya
    agnieszka ahmad ahmed aoife ayumi babajide babak barbara beatriz ben benjamin betty bilal
    birgit bjorn bogdan bongani brandon brenda brian bruce bryan budi burak camila camille
    carl carlos carmen carolina caroline catherine cem cesar charles charlie chen chiamaka
    chidi chinedu chiara chloe chris christian christina christine christoph christopher
    ciara claire colin connor craig cristina cynthia daiki dan daniel daniela daniele daan
    dariush dave david dawit declan deepa deepak deniz dennis derek dewi dhruv diana diego
    dieter dimitris dina divya dmitri dmitry dominic donald donna dorothy douglas duc duncan
    dylan eduardo efua eitan ekaterina elena eleni elif elizabeth ella ellie elodie emeka emily
    emma emre erik esi eszter ethan euan eugene evelyn fang farah farhan fatima federica feng
    felipe felix fernanda fernando fiona florian folake francesca francisco fred freja freya
    gabor gabriel gabriela ganesh gary gaurav gavin gemma george gerald giorgos giovanni
    giulia giuseppe gloria goncalo gordon graham greg gregory greta guadalupe gustavo halima
    hamish hana hannah hans harold haruto hassan hector heike helen helmut henrik henry hiba
    hiroshi hira hoang huda hui huong hussein hyun ian ibrahim ifeoma imran ines ingrid ioana
    irina isabel isabella isla ivan jacob jacqueline jae jakub james jamie jan jane janet
    janice jason javier jeff jeffrey jennifer jens jeremy jerry jesse jessica jie jim jin jing
    jiwoo joao joaquin joe johanna john johnny jonas jonathan joost jorge jose joseph josh
    joshua joyce juan judith juergen julia julie julien juma jun justin jutta kaito kamau karen
    karim karthik kasia katarzyna kate katherine kathleen kathryn katie katrin kavya keiko
    keith kenji kenneth kenta kevin khalid kim kimberly kiran kirsty klaus kofi kojo krzysztof
    kunal kwabena kwame kweku kyle lakshmi larry lars laszlo laura lauren layla lea leila lena
    leonardo leonie lerato lewis li liam lin linda ling linh lisa logan lorenzo lori luca lucas
    lucia lucy luis lukas magnus mahesh malcolm malgorzata mandla manish manon manuel margaret
    margot maria mariam mariana marie marilyn mario marta martha martin mary maryam mateo
    matteo matthew matthias maximilian megan mehdi mehmet mei meera mekdes melissa mette
    michael michelle miguel mihai mikael mikhail milan ming minh minji minjun mohamed mohammed
    molly monika moritz moshe muhammad musa mustafa nadia naledi nancy naoko nasrin natasha
    nate nathan naveen neha neil ngozi nicholas nicola nicolas nicole niamh nikhil nikolai
    nikos nils nisha nnamdi noa noah nomvula noor nour obinna olga oliver olivia oluwaseun
    omar orla oscar oksana otieno owen pablo padraig paola paolo parisa patricia patrick paul
    pawel pedro peter petr petra philip pierre pieter piotr pooja pranav prakash priya putri
    qiang rafael rafiq rahul raj rajesh rakesh ramesh rami rania rashid raul ravi rebecca reem
    reza ricardo richard rizal robert roberto rodrigo rohan roisin roger ronald rory ruud rui
    ryan ryo sabine sachin sadia sakura salma sam samantha sameer samir samuel sana sandeep
    sandra sanjay sanne santiago sara sarah satoshi scott sean sebastian selam sergei sergey
    sergio seun shahid sharon shira shirin shirley shota shreya siddharth simon sinead sipho
    siobhan siti sneha sofia somchai soren sota sophia sophie stefan stephanie stephen steve
    steven stuart sunil sunita suresh susan svetlana sven takeshi tamar tanvir tao tarik tariq
    tarun taro tatiana ted teresa tesfaye thabo thandiwe thao themba theo thiago thomas tiago
    tim timothy tobias tom tomas tomasz tony trang trevor tuan tunde tyler uche ursula usman
    valentina valeria varun vijay vikram vincent vivek vladimir walid walter wanjiku wanjiru
    wei william wojciech wolfgang xiaoming xin ximena yael yannis yasmin yasmine yaw yetunde
    yoko yosef youssef yuki yulia yusuf yuto zachary zainab zanele zeynep ziad zoe zofia
    abdul ali alberto alfonso ava bob bobby carla carol claudia dolores ed eduard elsa emil
    erin eva fabian fatma gianluca hamza helena hugh ibrahima igor ilse isaac ismail jake jasmin
    jenny joan joel jon julian kai karl kenji kerry leon liz luke marco marcus marek mateus
    mia miriam nadine nina noel olaf olu pavel peggy rob rosa ruth sasha sean silvia stan
    tara tina todd toby tony ulrich vera viktor wendy yara yasmin zara rachel joanna natalie
    heidi bethany beth becky jess jessie josie alison allison gillian jill jo nikki paula
    philippa pippa sian sally tess tessa vicky yvonne aaron alfie archie barney bernard brad
    callum cameron clive damian darren des ellis elliot gareth glenn harvey howard jamal jared
    jerome jonah kieran lloyd mohammad neville nigel ollie phil quentin rhys ross roy rupert
    shaun shane spencer terry vince wayne wes
    """
)

# Names that are also everyday words ("Will", "Mark", "Bill", "Page"): they count as a person
# only when a past-tense or negated verb follows, as in "Will deleted the snapshots".
AMBIGUOUS_NAMES = _words(
    """
    will may mark bill grant chase page rose hope faith joy grace dawn june april august summer
    amber jack frank penny art don gene pat sue rich guy max miles drew dean glen reed ray jay
    nick jade iris ivy holly heather lily hazel sage hunter mason parker carter cooper taylor
    austin jordan madison sydney victoria charlotte robin eve kit dale sandy rusty cliff
    """
)

# Systems with names a reader could take for people. Always win over the name lists, unless
# a repository lists the name under `people_names`.
SYSTEM_NAMES = _words(
    """
    ada airflow akamai alertmanager alexa alfred android angular ansible apache apollo argo
    artemis athena atlas aurora auth0 bamboo bazel bigquery bigtable borg buildkite caddy
    calico cassandra celery ceph chef chronos cilium circleci citus cloudflare concourse
    confluence consul cortana cortex couchbase cypress dagster datadog debian django docker
    drone druid dynamo dynamodb elasticsearch electron elixir ember envoy erlang etcd express
    faktory fargate fastly fedora filebeat firefox flask flink fluentd flux gerrit gitlab
    github gradle grafana graphite gunicorn hadoop haproxy harbor hazelcast helm heroku hermes
    hive honeycomb hubot hudson hugo icinga istio jaeger jarvis jasmine jekyll jenkins jest
    jetty jira kafka karma keycloak kibana kinesis kong kotlin kubernetes laravel linkerd loki
    logstash lucene luigi marathon mariadb marvin maven memcached mercurial mesos mimir minerva
    minio mocha mongo mongodb mysql nagios neo4j netlify nexus nginx nomad okta opensearch
    opsgenie oracle packer pagerduty passenger patroni perl pgbouncer pinot playwright podman
    postgres postgresql presto prometheus puma puppet puppeteer pulsar pulumi quay rabbitmq
    rails rancher redis redshift renovate resque riak rollbar ruby rust salt samza scala scylla
    selenium sentry sidekiq sinatra siri slack snyk solr spanner spark sphinx spinnaker
    splunk sqlite statsd storm stripe swift symfony tekton telegraf tempo terraform thanos
    tomcat traefik travis trino twilio ubuntu unicorn uvicorn vagrant varnish vault velero
    vercel vite vitess vue watson webpack zabbix zipkin zookeeper zuul
    """
)

# Roles and stand-ins for people. They end a statement at a person only as the actor of a
# failure ("the DBA dropped the index"), never as its context ("lets any engineer delete").
ROLES = _words(
    """
    admin administrator analyst anybody anyone approver architect author committer
    coder colleague contractor consultant coworker dba deployer dev developer employee engineer
    everybody everyone hire human intern joiner lead maintainer manager newcomer nobody
    on-call on-caller oncall operator ops owner person programmer qa releaser responder
    reviewer someone somebody sre starter staff swe sysadmin teammate team technician tester
    people humans staffer squad captain commander facilitator representative officer
    specialist director executive cto ceo vp boss pm scientist designer trainee apprentice
    freelancer mentor nurse doctor physician clinician pharmacist surgeon trader cashier
    clerk teller accountant bookkeeper mechanic
    """
)
# Roles that are also software when a system's name stands before them: "the Postgres
# operator failed to promote the replica" is a Kubernetes operator, not a person.
SOFTWARE_ROLES = _words("operator operators manager managers")
# Plural forms are found by stripping a final "s" (engineers, devs, DBAs).

# Pronouns that are people when they act. "They" and "you" are also used for things and
# for anyone at all, so they count only with a human failure ("they didn't test").
STRONG_PRONOUNS = frozenset({"he", "she", "i", "we"})
WEAK_PRONOUNS = frozenset({"they", "you"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our"})

# A phrase after a person that describes them: "someone on the data team pushed".
SUBJECT_PREPOSITIONS = _words("on in from at of with for")

# Words that may stand in a noun phrase before its head: "the new on-call engineer".
DETERMINERS = _words(
    """
    the a an our their his her its this that these those one two three some several many most
    all every each another any no only same other such
    """
)
MODIFIERS = _words(
    """
    new junior senior experienced inexperienced tired lone sole primary secondary backup
    former previous current regular responsible assigned human remote overnight weekend
    """
)

# After these, a person is the object of what a system does, not the actor.
OBJECT_MARKERS = _words(
    """
    lets let allows allowed permits permitted enables tells told shows showed gives gave
    sends sent pages paged notifies notified alerts alerted requires required expects
    expected forces forced asks asked stops prevents prevented blocks blocked warns warned
    makes made leaves left lead leads to for from with without on at about into onto than
    like of
    """
)

# Verb groups that make a person the one something happened to, or describe what they have.
STATE_VERBS = _words(
    """
    have has had own owns owned need needs needed get gets got receive receives received lack
    lacks lacked rely relies relied depend depends depended belong belongs belonged want wants
    wanted know knows knew see sees saw hold holds held spend spends spent
    """
)
KNOW_VERBS = _words("know knew knows realise realised realize realized understand understood")
ABILITY_WORDS = _words("can cannot can't could couldn't unable may might")
OBLIGATION_WORDS = _words("must need needs needed")
BE_WORDS = _words("is are was were am be been being isn't aren't wasn't weren't")
PAST_BE = _words("was were wasn't weren't")
HAVE_WORDS = _words("has have had hasn't haven't hadn't")
DO_NEGATIONS = _words("didn't don't doesn't never")
DO_WORDS = _words("did does do")
NEGATIONS = _words("not never n't")
COUNTERFACTUAL_MODALS = _words("should could would ought must shouldn't couldn't wouldn't")

# Adverbs skipped between an actor and its verb ("the engineer then accidentally ran").
ADVERBS = _words(
    """
    also both then just simply still again directly already ever even once first later
    accidentally mistakenly inadvertently apparently probably clearly only routinely
    """
)

# Irregular past tenses and participles common in incident statements.
IRREGULAR_PAST = _words(
    """
    ran began broke brought built bought caught chose came cut did drew drove fell felt found
    forgot forgotten gave went got had heard held hid hit kept knew laid led left lent let lost
    made meant met mistook misread misunderstood overlooked overrode overwrote paid put quit
    read rebuilt reran rode rewrote said saw sent set shut sold spent split spun stood stole
    struck swore took taught told thought threw undid understood upheld withdrew won wrote
    wound
    """
)
IRREGULAR_PARTICIPLES = _words(
    """
    given shown told taken sent woken known seen written done run put set left hidden
    forgotten driven broken chosen spoken stolen thrown worn beaten bitten begun
    """
)
# Base and present forms accepted after a plural actor ("engineers deploy from laptops").
BASE_VERBS = _words(
    """
    deploy deploys push pushes merge merges delete deletes restart restarts run runs skip
    skips ignore ignores forget forgets approve approves tag tags edit edits bypass bypasses
    disable disables override overrides reboot reboots drop drops type types click clicks
    change changes commit commits copy copies paste pastes rush rushes assume assumes misread
    misreads apply applies update updates use uses rerun reruns silence silences mute mutes
    """
)

# Words that may follow a verb but not a noun: "deploy straight to", "push without".
VERB_FOLLOWERS = _words("to from into onto on in without by at with straight up down out off")

# Lapses: a person omitted something. They need a person or no subject ("forgot to renew"):
# a system that "ignored the flag" is a defect, not a lapse.
LAPSE_VERBS = _words(
    """
    forgot forget forgets forgotten forgetting neglected neglect neglects overlooked overlook
    ignored ignore ignores missed skipped skip skips bypassed
    """
)
KNOWLEDGE_VERBS = _words("misunderstood misinterpreted misjudged")
# Verbs a person fails to do: the ones after "didn't", "failed to", "was not ... ".
HUMAN_VERBS = _words(
    """
    notice noticed check checked follow followed test tested know known verify verified read
    review reviewed realise realised realize realized understand understood see seen consider
    considered communicate communicated escalate escalated update updated inform informed tell
    ask asked confirm confirmed double-check double-checked validate validated remember
    remembered think thought anticipate anticipated plan planned coordinate coordinated
    document documented report reported try tried run back backed look looked
    monitor monitored watch watched catch caught pay respond responded act acted wait waited
    """
)

# Human-error language, whoever the subject. Silenced only where the statement is about
# what a system does with such errors ("nothing catches a typo in the mask").
# "<role> error" ("DBA error", "developer error") is human-error language too.
HUMAN_ERROR_PHRASES = (
    r"(?:human|user|pilot|personnel|engineering|manual)\s+errors?",
    r"mistakes?",
    r"mistakenly",
    r"mistook",
    r"by\s+mistake",
    r"(?<!lack of )(?<!no )(?<!without )oversights?",
    r"typos?",
    r"fat[- ]?finger(?:ed|ing|s)?",
    r"mistyped",
    r"misclick(?:ed)?",
    r"misread",
    r"accidentally",
    r"inadvertently",
    r"(?:poor|bad)\s+judge?ment",
    r"(?:error|lapse)\s+(?:in|of)\s+judge?ment",
    r"blunder(?:ed|s)?",
    r"botched",
    r"(?:screwed|messed)\s+up",
    r"dropped\s+the\s+ball",
    r"incompeten(?:t|ce)",
    r"pebkac",
    r"pebcak",
)
ATTENTION_PHRASES = (
    r"careless(?:ly|ness)?",
    r"negligen(?:t|ce|tly)",
    r"sloppy|sloppily|sloppiness",
    r"lazy|lazily|laziness",
    r"distracted",
    r"rushed|rushing",
    r"in\s+a\s+(?:hurry|rush)",
    r"complacen(?:t|cy)",
    r"inattenti(?:ve|on)",
    r"reckless(?:ly|ness)?",
    r"(?:was|were|wasn't|weren't|is|are|not)\s+(?:not\s+)?paying\s+attention",
    r"(?:wasn't|weren't|was\s+not|were\s+not)\s+careful",
    r"(?:lack|lacking|absence)\s+of\s+(?:attention|care|diligence|focus|rigou?r|discipline"
    r"|vigilance|caution|thoroughness|effort)",
    r"(?:insufficient|not\s+enough|too\s+little|little)\s+(?:attention|care|diligence"
    r"|rigou?r|caution)",
    r"cut(?:ting)?\s+corners",
    r"didn't\s+bother|did\s+not\s+bother",
)
KNOWLEDGE_PHRASES = (
    r"unaware",
    r"unfamiliar",
    r"(?:wasn't|weren't|was\s+not|were\s+not|not)\s+aware",
    r"had\s+no\s+idea",
)

# A person's state or conduct, as in "the reviewer was sloppy", "the operator was fatigued".
ATTENTION_WORDS = _words(
    """
    tired exhausted fatigued sleepy asleep overconfident careless negligent sloppy lazy
    distracted rushed hurried complacent inattentive reckless
    """
)

# A clause about what a system catches, or lets happen, is not blaming anyone: "nothing
# catches a typo". Guard verbs count anywhere in the clause; the other guard words only
# before the human-error words ("makes a careless click easy", "a typo can take down").
GUARD_VERBS = _words(
    """
    catch catches caught detect detects detected prevent prevents prevented stop stops
    stopped block blocks blocked flag flags flagged reject rejects rejected validate
    validates guard guards protect protects warn warns warned surface surfaces surfaced
    can could may might
    """
)
GUARD_WORDS = GUARD_VERBS | _words(
    "against without easy easier possible allows allow lets let permits invites tolerates "
    "accepts makes nothing no"
)

# Nouns for something a person did: "Greg's change broke the cache".
ACT_NOUNS = _words(
    """
    change commit decision choice mistake error fault typo command edit push merge deploy
    deployment action query oversight
    """
)

# What a trailing ", which ..." says when it faults the thing before it.
DEFICIENCY_PHRASES = (
    r"out\s+of\s+date|outdated|stale|wrong|incorrect|inaccurate|missing|broken|misleading",
    r"ambiguous|unclear|confusing|undocumented|obsolete|incomplete|silent|hidden|buried",
    r"no|not|never|without|lacks?|lacked|lacking|nothing|none|isn't|wasn't|doesn't|didn't",
)

# How clauses join. "cause": what follows is the deeper cause; "result": what precedes is;
# "embedded": a subordinate clause that sets context ("when", "that", "although").
CAUSE_CONNECTIVES = (
    "because of",
    "due to",
    "owing to",
    "caused by",
    "as a result of",
    "given that",
    "thanks to",
    "because",
)
RESULT_CONNECTIVES = (
    "which meant",
    "which caused",
    "which led to",
    "leading to",
    "resulting in",
    "as a result",
    "therefore",
    "thus",
    "hence",
)
EMBEDDED_CONNECTIVES = (
    "so that",
    "even though",
    "in order to",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "whenever",
    "while",
    "if",
    "unless",
    "until",
    "once",
    "although",
    "though",
    "whereas",
    "after",
    "before",
    "since",
)
COORDINATORS = ("and", "but", "or", "nor")
LEAD_IN_PREPOSITIONS = _words("during after before in on at while when yesterday today")

# --- action items -----------------------------------------------------------------------

# Leading verbs that name an intention, a study or a talk, not a change. No rescue.
WISH_VERBS = _words(
    """
    investigate consider ensure explore evaluate assess reassess re-evaluate re-assess
    research study examine analyse analyze understand discuss brainstorm educate train
    remind encourage emphasise emphasize stress reinforce socialise socialize align sync
    strive aim endeavour endeavor plan think rethink revisit prioritise prioritize
    """
)
# Leading verbs that are vague unless a concrete change follows: "review the rules and
# delete those that ...", "improve alerting by adding an alert for ...".
SOFT_VERBS = _words(
    """
    improve enhance optimise optimize strengthen streamline revamp refine modernise modernize
    review audit check monitor address handle tackle clarify communicate harden tighten
    stabilise stabilize refactor rework simplify overhaul redesign rearchitect clean revise
    """
)
# Leading words that ask people to refrain: "don't deploy on Fridays", "avoid manual steps".
REFRAIN_WORDS = _words("don't never avoid")
# Verbs that only say "more" or "less" and need a target: "reduce alert noise".
MEASURE_VERBS = _words(
    """
    reduce increase decrease lower raise minimise minimize maximise maximize limit cut
    shorten lengthen extend boost speed tune adjust
    """
)
# Phrases that ask people to try harder or hedge what will happen.
VAGUE_PHRASES = (
    r"be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|cautious|diligent|mindful|aware"
    r"|proactive|thorough|attentive)",
    r"pay\s+(?:more\s+|closer\s+|better\s+)?attention",
    r"look\s+(?:into|at)",
    r"keep\s+(?:an?\s+)?(?:close\s+|closer\s+)?eyes?\s+on",
    r"keep\s+track\s+of",
    r"work\s+(?:towards?|on)",
    r"try\s+to",
    r"etc\.?",
    r"and\s+so\s+on",
    r"(?:better|more|improved|clearer)\s+communication",
    r"raise\s+awareness",
    r"make\s+sure",
    r"have\s+an?\s+(?:conversation|discussion|meeting|chat|talk|sync)",
    r"(?:does\s+not|doesn't|do\s+not|don't|won't|never)\s+happen\s+again",
    r"follow[- ]up",
    r"think\s+about",
    r"as\s+(?:needed|necessary|appropriate|required)",
    r"(?:where|when|if)\s+(?:possible|needed|necessary|appropriate|feasible)",
    r"going\s+forward",
    r"in\s+the\s+future",
    r"from\s+now\s+on",
    r"asap",
    r"best\s+practices?",
    r"lessons\s+learned",
    r"regularly|periodically|properly|appropriately|adequately|sufficiently|somehow",
    r"(?:do|hold|run|have|organi[sz]e|schedule)\s+an?\s+(?:retro(?:spective)?|post-?mortem"
    r"|meeting|discussion|workshop|session|sync|brainstorm)",
    r"talk\s+(?:to|with|about)",
    r"share\s+(?:the\s+|our\s+)?(?:learnings?|lessons|knowledge|findings|context)",
    r"reach\s+out",
    r"circle\s+back",
    r"touch\s+base",
    r"loop\s+in",
    r"get\s+(?:feedback|buy-in|alignment|input)",
)
# Adjectives that leave the reader to decide what is enough: "add proper error handling".
# Vague unless a number or an exact name says it anyway.
HEDGE_ADJECTIVES = _words(
    "proper appropriate adequate sufficient necessary relevant various gracefully reasonable"
)
# Saying something is better without saying how to tell.
COMPARATIVES = _words(
    """
    better worse safer easier faster quicker clearer simpler smoother stronger tighter
    improved enhanced more less fewer greater robust reliable resilient stable secure
    """
)
# A criterion that needs someone's judgment of a state of mind.
STATE_OF_MIND = _words(
    """
    know knows understand understands understood aware familiar comfortable confident feel
    feels happy satisfied agree agrees
    """
)
# Nouns too general to say what changes: "add monitoring", "fix the issue".
GENERIC_NOUNS = _words(
    """
    monitoring alerting alerts observability documentation docs logging tests testing
    process processes things stuff issue issues problem problems bug bugs system systems
    code quality reliability stability security communication awareness culture visibility
    coverage tooling practices procedures improvements changes fix fixes it this that them
    everything something anything work
    """
)
STOPWORDS = _words(
    """
    the a an to for of in on at with and or by from that this these those it its our their
    all be is are was were will should can must we some when if after before as so not than
    then into onto about which who whose also only just there any each every
    """
)
