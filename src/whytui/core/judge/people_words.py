"""Who a word can be: people's given names, names that are also everyday words, systems with
people's names, roles, pronouns, and the words of a noun phrase around them.

The judges' vocabulary is kept apart from their rules so that a wrong verdict can be traced
to a word and fixed by a reviewable edit: either here, for everyone, or in a repository's
`.whytui.toml` (`system_names`, `people_names`) for that repository. All entries are lower
case. This is the first of the word lists; `word_set` is shared by the others.
"""

from functools import lru_cache
from importlib.resources import files


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


@lru_cache(maxsize=1)
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """The world's common given names, folded as the judge folds words, from Faker's 86
    locales (MIT; see `data/README.md`): (names, names that are also everyday words).

    Read from the package's own data when first needed, not at import: the first frame
    judges few statements."""
    data = files("whytui.core.judge").joinpath("data")

    def read(name: str) -> frozenset[str]:
        text = data.joinpath(name).read_text(encoding="utf-8")
        return frozenset(line for line in text.splitlines() if line and line[0] != "#")

    names, also_words = read("given_names.txt"), read("given_names_also_words.txt")
    ambiguous = (also_words | (names & AMBIGUOUS_NAMES)) - SYSTEM_NAMES
    return names - ambiguous - SYSTEM_NAMES, ambiguous


# Given names across many cultures. Written with a capital letter they are names; in lower
# case ("greg restarted it") only with a past or negated verb after them, like "Will".
FIRST_NAMES = word_set(
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
AMBIGUOUS_NAMES = word_set(
    """
    will may mark bill grant chase page rose hope faith joy grace dawn june april august summer
    amber jack frank penny art don gene pat sue rich guy max miles drew dean glen reed ray jay
    nick jade iris ivy holly heather lily hazel sage hunter mason parker carter cooper taylor
    austin jordan madison sydney victoria charlotte robin eve kit dale sandy rusty cliff
    """
)

# Systems with names a reader could take for people. Always win over the name lists, unless
# a repository lists the name under `people_names`.
SYSTEM_NAMES = word_set(
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
ROLES = word_set(
    """
    admin administrator analyst anybody anyone approver architect author committer
    coder colleague contractor consultant coworker dba deployer dev developer employee engineer
    everybody everyone hire human intern joiner lead maintainer manager newcomer nobody
    on-call on-caller oncall operator ops owner person programmer qa releaser responder
    reviewer someone somebody sre starter staff swe sysadmin teammate team technician tester
    people humans staffer squad captain commander facilitator representative officer
    specialist director executive cto ceo vp boss pm scientist designer trainee apprentice
    freelancer mentor nurse doctor physician clinician pharmacist surgeon trader cashier
    clerk teller accountant bookkeeper mechanic supervisor member whoever management
    leadership executive signatory
    """
)
# Nouns that make a name before them a system, in apposition: "Oscar, the release tool,",
# "Athena (our query service)".
SYSTEM_NOUNS = word_set(
    """
    tool service bot job scheduler system platform controller operator daemon agent cluster
    pipeline queue database db cache proxy api app application worker runner script cron
    autoscaler balancer gateway server engine library framework monitor plugin module
    deployer orchestrator service's robot integration provider backend frontend cli
    """
)
# Stand-ins for named people in written-up reviews: "team-member-1", "engineer-a".
HANDLE_STEMS = word_set("team-member member user engineer employee person operator staff dev")
# Words for someone unnamed: people, not roles, when a reason names them.
STAND_INS = word_set("someone somebody anyone anybody nobody no-one everyone everybody whoever")
# Roles that are also software when a system's name stands before them: "the Postgres
# operator failed to promote the replica" is a Kubernetes operator, not a person.
SOFTWARE_ROLES = word_set("operator operators manager managers")
# Plural forms are found by stripping a final "s" (engineers, devs, DBAs).

# Pronouns that are people when they act. "They" and "you" are also used for things and
# for anyone at all, so they count only with a human failure ("they didn't test").
STRONG_PRONOUNS = frozenset({"he", "she", "i", "we"})
WEAK_PRONOUNS = frozenset({"they", "you"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our"})

# A phrase after a person that describes them: "someone on the data team pushed".
SUBJECT_PREPOSITIONS = word_set("on in from at of with for")

# Words that may stand in a noun phrase before its head: "the new on-call engineer".
DETERMINERS = word_set(
    """
    the a an our their his her its this that these those one two three some several many most
    all every each another any no only same other such
    """
)
MODIFIERS = word_set(
    """
    new junior senior experienced inexperienced tired lone sole primary secondary backup
    former previous current regular responsible assigned human remote overnight weekend
    """
)
